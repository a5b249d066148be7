using Shipgate.Runs;

namespace Shipgate.Storage.Sqlite;

/// <summary>The JSON document in <c>runs.planned</c>: what the run was asked to do.</summary>
internal sealed record SqlitePlan(IReadOnlyList<PlannedCandidate> Candidates, IReadOnlyList<string> CaseIds);
