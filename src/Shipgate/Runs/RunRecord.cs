namespace Shipgate.Runs;

/// <summary>One eval run: what was planned (candidates × cases × repeats) and how it ended.</summary>
public sealed record RunRecord
{
    public const int CurrentSchemaVersion = 1;

    public required string Id { get; init; }
    public required string Feature { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public RunStatus Status { get; init; } = RunStatus.Running;

    /// <summary>Hash of the spec and its files when the run started.</summary>
    public required string SpecHash { get; init; }

    public required IReadOnlyList<PlannedCandidate> Candidates { get; init; }
    public required IReadOnlyList<string> CaseIds { get; init; }
    public required int Repeats { get; init; }

    /// <summary>Why the run failed, when it did.</summary>
    public string? Error { get; init; }

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>A long: repeats up to int.MaxValue times cases and candidates overflow an int.</summary>
    public long PlannedCount => (long)Candidates.Count * CaseIds.Count * Repeats;
}
