namespace Shipgate.Selection;

/// <summary>One review trigger as <c>select --check</c> evaluated it: fired or not, or not checkable (and why).</summary>
public sealed record ReviewTrigger(string Name, bool Fired, bool Checked, string Detail);
