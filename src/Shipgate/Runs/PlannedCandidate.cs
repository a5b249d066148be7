namespace Shipgate.Runs;

/// <summary>A candidate as it was when the run was planned (so reports stay true after the spec changes).</summary>
public sealed record PlannedCandidate(string Id, string Provider, string SettingsJson);
