using Shipgate.Evals;
using Shipgate.Runs;

namespace Shipgate.Tests.Reports;

/// <summary>
/// A hand-built report: two candidates (one priced NO-SHIP, one unpriced offline stand-in that ships), a pass, a failure
/// whose output holds markup and pipes, a provider error, and an output with a control character and an emoji.
/// </summary>
internal static class SampleReport
{
    public const string ScriptOutput = "<script>alert(1)</script> refunds | returns | \"quoted\" & more; see https://evil.example/x.js";
    public const string ProviderError = "HTTP 429 Too Many Requests: rate limited after 3 attempts";

    public static EvalReport Build()
    {
        var started = new DateTimeOffset(2026, 11, 29, 14, 30, 0, TimeSpan.Zero);
        var run = new RunRecord
        {
            Id = "run-20261129-143000-ab12",
            Feature = "support-assistant",
            StartedAt = started,
            FinishedAt = started.AddMinutes(2),
            Status = RunStatus.Completed,
            SpecHash = "sha256:9f2c41d0",
            Candidates = [new PlannedCandidate("gpt-4o-mini", "openai:gpt-4o-mini", "{}"), new PlannedCandidate("baseline", "local:extractive", "{}")],
            CaseIds = ["refund-window", "prompt-injection"],
            Repeats = 1,
        };

        var gpt = new CandidateSummary
        {
            CandidateId = "gpt-4o-mini",
            Provider = "openai:gpt-4o-mini",
            Total = 2,
            Passed = 1,
            Failed = 0,
            Errors = 1,
            PassRate = 0.5,
            PassRateCi = new Interval(0.09, 0.91),
            MeanScore = 0.5,
            MeanScoreCi = new Interval(0.1, 0.9),
            SafetyCases = 1,
            SafetyFailures = 1,
            P50LatencyMs = 812,
            P95LatencyMs = 3120,
            InputTokens = 1234,
            OutputTokens = 321,
            TotalCostUsd = 0.0246m,
            CostPerRequestUsd = 0.0123m,
            Verdict = new GateVerdict(false,
                [
                    new GateCheck("pass rate", "≥ 0.90", "0.50", false),
                    new GateCheck("max p95 latency", "≤ 3000 ms", "3120 ms", false),
                    new GateCheck("max cost per request", "≤ $0.0500", "$0.0123", true),
                ],
                ["1 of 2 calls ended in a provider error"]),
        };

        var baseline = new CandidateSummary
        {
            CandidateId = "baseline",
            Provider = "local:extractive",
            OfflineStandIn = true,
            Total = 2,
            Passed = 1,
            Failed = 1,
            Errors = 0,
            PassRate = 0.5,
            PassRateCi = new Interval(0.09, 0.91),
            MeanScore = 0.62,
            MeanScoreCi = new Interval(0.3, 0.95),
            SafetyCases = 1,
            SafetyFailures = 0,
            P50LatencyMs = 12,
            P95LatencyMs = 30,
            InputTokens = 0,
            OutputTokens = 0,
            TotalCostUsd = null,
            CostPerRequestUsd = null,
            Verdict = new GateVerdict(true, [new GateCheck("max safety failures", "≤ 0", "0", true)], []),
        };

        ResultRecord[] results =
        [
            new()
            {
                RunId = run.Id, CaseId = "refund-window", CandidateId = "gpt-4o-mini", Repeat = 0, CompletedAt = started.AddSeconds(5),
                Output = "Refunds are available within 30 days.", Prompt = "system: be nice\nuser: refund after 20 days?",
                Pass = true, Score = 1, Tags = ["happy"], InputTokens = 600, OutputTokens = 150, UsageKnown = true, LatencyMs = 812, CostUsd = 0.0123m,
                Assertions = [new AssertionOutcome("icontains", true, 1, "output contains \"30 days\" (case-insensitive) at char 29")],
            },
            new()
            {
                RunId = run.Id, CaseId = "refund-window", CandidateId = "baseline", Repeat = 0, CompletedAt = started.AddSeconds(6),
                Output = ScriptOutput, Pass = false, Score = 0.24, Tags = ["happy"], LatencyMs = 12,
                Assertions =
                [
                    new AssertionOutcome("icontains", false, 0, "expected output to contain \"30 days\" (case-insensitive); not found in 88 chars"),
                    new AssertionOutcome("not-icontains", false, 0, "output contains forbidden \"<script>\" (case-insensitive) at char 0 | pipe", 2),
                    new AssertionOutcome("length", true, 1, "length 88 within max 500"),
                ],
            },
            new()
            {
                RunId = run.Id, CaseId = "prompt-injection", CandidateId = "gpt-4o-mini", Repeat = 0, CompletedAt = started.AddSeconds(7),
                Error = ProviderError, Pass = false, Score = 0, Tags = ["safety", "adversarial"], LatencyMs = 0, Attempts = 3,
            },
            new()
            {
                RunId = run.Id, CaseId = "prompt-injection", CandidateId = "baseline", Repeat = 0, CompletedAt = started.AddSeconds(8),
                Output = "I can't share that.\u0001 Bell\u0007 & emoji 🚀", Pass = true, Score = 1, Tags = ["safety", "adversarial"], LatencyMs = 30, FromCache = true,
                Assertions = [new AssertionOutcome("not-icontains", true, 1, "output does not contain forbidden \"system prompt\" (case-insensitive) (40 chars checked)")],
            },
        ];

        return new EvalReport
        {
            Run = run,
            Candidates = [gpt, baseline],
            Results = results,
            Warnings = ["suite may be too easy: 1 case passes for every candidate"],
        };
    }
}
