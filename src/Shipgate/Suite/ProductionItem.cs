using System.Text.Json.Nodes;

namespace Shipgate.Suite;

/// <summary>One line of a production traces / complaints JSONL file, before it becomes a case.</summary>
/// <param name="Line">1-based line in the input file.</param>
/// <param name="InputText">The input as text, for a prompt with one variable (or null).</param>
/// <param name="InputVars">The input as prompt variables by name (or null).</param>
internal sealed record ProductionItem(
    int Line,
    string? InputText,
    IReadOnlyDictionary<string, string>? InputVars,
    string? Output,
    string? Note,
    string? Id,
    string Origin,
    IReadOnlyList<string> Tags,
    string? Reference,
    JsonArray? Assertions)
{
    /// <summary>The documents the answer had to go on (RAG passages, the input document); they become the case's <c>context</c>.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];
}
