namespace Shipgate.Specs;

/// <summary>One CSV cell and where it starts.</summary>
internal sealed record CsvCell(string Text, SourceLocation Location);
