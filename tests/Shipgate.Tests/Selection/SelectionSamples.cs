using Shipgate.Cost;
using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Selection;
using Shipgate.Specs;

namespace Shipgate.Tests.Selection;

/// <summary>Hand-built specs and runs whose matrix figures can be computed by hand.</summary>
internal static class SelectionSamples
{
    public const string RunId = "run-1";

    /// <summary>One candidate's per-case outcomes: case id → (pass, score 0-1, cost, tags, prompt).</summary>
    public sealed record Outcome(string CaseId, bool Pass, double Score, decimal? Cost = null, string[]? Tags = null, string? Prompt = null, double? RubricMean = null, string? Error = null);

    /// <summary>A candidate in the run; every result reports 1000 input and 100 output tokens. <paramref name="Gate"/> is its ship-gate verdict (default SHIP).</summary>
    public sealed record Sample(string Id, double P95, decimal? CostPerRequest, IReadOnlyList<Outcome> Outcomes, CandidateSpec? Spec = null, GateVerdict? Gate = null);

    /// <summary>The analysis without embeddings.</summary>
    public static Task<SelectionAnalysis> AnalyzeAsync(FeatureSpec spec, EvalReport report, PriceCatalog? catalog = null) =>
        SelectionAnalyzer.AnalyzeAsync(spec, report, catalog, embeddings: null, CancellationToken.None);

    public static CandidateSpec Candidate(string id, string? vendor = null, IReadOnlyList<string>? regions = null, Pricing? pricing = null, string provider = "openai:model-x", string? family = null) => new()
    {
        Id = id,
        Provider = provider,
        Pricing = pricing,
        Family = family,
        Profile = new CandidateProfile { Vendor = vendor, Regions = regions, ContextWindow = 128000, Modalities = ["text"] },
    };

    public static FeatureSpec Spec(IReadOnlyList<CandidateSpec> candidates, SelectionSpec? selection, IReadOnlyList<EvalCase>? cases = null) => new()
    {
        Name = "feature",
        RootDirectory = Path.GetTempPath(),
        SpecFile = Path.Combine(Path.GetTempPath(), "shipgate.yaml"),
        Prompts = [new PromptTemplate("answer", null, "Q: {{question}}", SourceLocation.FileOnly("shipgate.yaml"))],
        Candidates = candidates,
        Cases = cases ?? [],
        Selection = selection,
    };

    public static SelectionSpec Declare(params SelectionRequirement[] requirements) => new() { Requirements = requirements };

    public static SelectionRequirement Req(RequirementKind kind, int weight, bool hard = false) => new() { Kind = kind, Weight = weight, Hard = hard };

    /// <summary>n cases all with the same pass/score, for candidates whose per-case detail does not matter.</summary>
    public static IReadOnlyList<Outcome> Uniform(int n, double score, decimal? cost = null) =>
        [.. Enumerable.Range(0, n).Select(i => new Outcome($"c{i:00}", score >= 0.5, score, cost))];

    public static EvalReport Report(params Sample[] samples)
    {
        var started = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var results = new List<ResultRecord>();
        var summaries = new List<CandidateSummary>();
        foreach (var s in samples)
        {
            foreach (var o in s.Outcomes)
            {
                results.Add(new ResultRecord
                {
                    RunId = RunId,
                    CaseId = o.CaseId,
                    CandidateId = s.Id,
                    Repeat = 0,
                    Pass = o.Pass,
                    Score = o.Score,
                    CostUsd = o.Cost,
                    InputTokens = 1000,
                    OutputTokens = 100,
                    UsageKnown = true,
                    Error = o.Error,
                    Tags = o.Tags ?? [],
                    Prompt = o.Prompt ?? $"Q: {o.CaseId}",
                    Assertions = o.RubricMean is { } m
                        ? [new AssertionOutcome(AssertionTypes.Rubric, m >= 3, m / 5, "judged") { Judge = new JudgeVerdict { JudgeId = "j", Mean = m } }]
                        : [],
                    CompletedAt = started,
                });
            }

            var scores = s.Outcomes.Select(o => o.Score).ToList();
            var passRate = s.Outcomes.Count(o => o.Pass) / (double)s.Outcomes.Count;
            var rubric = s.Outcomes.Where(o => o.RubricMean is not null).Select(o => o.RubricMean!.Value).ToList();
            summaries.Add(new CandidateSummary
            {
                CandidateId = s.Id,
                Provider = s.Spec?.Provider ?? "openai:model-x",
                Total = s.Outcomes.Count,
                Passed = s.Outcomes.Count(o => o.Pass),
                PassRate = passRate,
                PassRateCi = new Interval(Math.Max(0, passRate - 0.1), Math.Min(1, passRate + 0.1)),
                MeanScore = scores.Average(),
                MeanScoreCi = new Interval(scores.Average() - 0.05, scores.Average() + 0.05),
                RubricMean = rubric.Count == 0 ? null : rubric.Average(),
                RubricMeanCi = rubric.Count == 0 ? default : new Interval(rubric.Average() - 0.2, rubric.Average() + 0.2),
                P95LatencyMs = s.P95,
                InputTokens = 1000L * s.Outcomes.Count,
                OutputTokens = 100L * s.Outcomes.Count,
                CostPerRequestUsd = s.CostPerRequest,
                TotalCostUsd = s.CostPerRequest * s.Outcomes.Count,
                Errors = s.Outcomes.Count(o => o.Error is not null),
                Verdict = s.Gate ?? new GateVerdict(true, [], []),
            });
        }

        return new EvalReport
        {
            Run = new RunRecord
            {
                Id = RunId,
                Feature = "feature",
                StartedAt = started,
                Status = RunStatus.Completed,
                SpecHash = "",
                Candidates = [.. samples.Select(s => new PlannedCandidate(s.Id, s.Spec?.Provider ?? "openai:model-x", "{}"))],
                CaseIds = [.. samples[0].Outcomes.Select(o => o.CaseId)],
                Repeats = 1,
            },
            Candidates = summaries,
            Results = results,
        };
    }
}
