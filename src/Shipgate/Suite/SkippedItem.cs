namespace Shipgate.Suite;

/// <summary>An input item left out because it means nearly the same as an existing case or an earlier item.</summary>
/// <param name="Line">The item's line in the input file.</param>
/// <param name="DuplicateOf">What it duplicates, e.g. <c>case 'refund-window' (cases/happy.yaml:4:3)</c> or <c>line 2</c>.</param>
public sealed record SkippedItem(int Line, string DuplicateOf, double Similarity);
