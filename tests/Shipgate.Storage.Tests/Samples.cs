using Shipgate.Runs;

namespace Shipgate.Storage.Tests;

/// <summary>Runs and results with every field set to a non-default value, so round-trips prove each column.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero);

    public static RunRecord Run(string id = "run-1", string feature = "summarize", DateTimeOffset? startedAt = null, RunStatus status = RunStatus.Running) => new()
    {
        Id = id,
        Feature = feature,
        StartedAt = startedAt ?? T0,
        Status = status,
        SpecHash = "sha256:abc123",
        Candidates =
        [
            new PlannedCandidate("gpt-small", "openai:gpt-4o-mini", """{"temperature":0.2,"max_tokens":300}"""),
            new PlannedCandidate("local", "exec:python model.py", "{}"),
        ],
        CaseIds = ["case-1", "case-2", "case-3"],
        Repeats = 2,
    };

    public static ResultRecord Result(string runId = "run-1", string caseId = "case-1", string candidateId = "gpt-small", int repeat = 0) => new()
    {
        RunId = runId,
        CaseId = caseId,
        CandidateId = candidateId,
        Repeat = repeat,
        Output = "Résumé: the ticket asks for a refund. \"quoted\" ✓",
        Prompt = "system: be brief\nuser: summarize {ticket}",
        Pass = true,
        Score = 0.8333333333333334,
        Assertions =
        [
            new AssertionOutcome("contains", true, 1.0, "found 'refund'"),
            new AssertionOutcome("max_length", false, 0.5, "312 chars, limit 300", Weight: 2.5),
        ],
        Tags = ["happy", "edge"],
        InputTokens = 1234,
        OutputTokens = 56,
        CachedInputTokens = 1024,
        UsageKnown = true,
        LatencyMs = 812.25,
        CostUsd = 0.000042m,
        Error = null,
        FromCache = true,
        Attempts = 3,
        CompletedAt = T0.AddSeconds(5).AddTicks(7),
    };
}
