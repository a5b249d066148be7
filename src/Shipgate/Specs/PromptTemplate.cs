namespace Shipgate.Specs;

/// <summary>A prompt with <c>{{var}}</c> placeholders. <see cref="System"/> is optional.</summary>
public sealed record PromptTemplate(string Id, string? System, string User, SourceLocation Location);
