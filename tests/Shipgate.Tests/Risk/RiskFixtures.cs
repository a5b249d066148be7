using System.Globalization;
using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Statistics;
using Shipgate.Tests.Specs;

namespace Shipgate.Tests.Risk;

/// <summary>Real specs on disk for the risk tests, and a one-candidate report with given groundedness numbers.</summary>
internal static class RiskFixtures
{
    public const string RunId = "20261129-150000-ab12";

    /// <summary>
    /// A feature folder: <paramref name="defaults"/> and <paramref name="caseAssertions"/> are YAML list items (indented for
    /// their place), <paramref name="gate"/> and <paramref name="risk"/> whole sections (or empty).
    /// </summary>
    public static TempFeature Feature(string risk, string gate = "", string defaults = "", string caseAssertions = "        - type: icontains\n          value: refund\n", bool knowledge = true, bool safetyCase = false)
    {
        var f = new TempFeature();
        var spec = $"""
            version: 1
            feature:
              name: refunds
            {(knowledge ? "knowledge: [knowledge/*.md]" : "")}
            prompts:
              - id: answer
                user: "Q: {"{{"}question{"}}"}"
            candidates:
              - id: baseline
                provider: local:extractive
            suite:
              cases:
                - id: c1
                  tags: [{(safetyCase ? "safety" : "happy")}]
                  vars: {"{"} question: refund {"}"}
                  assertions:

            """ + caseAssertions + """
                - id: c2
                  vars: { question: invoices }
                  assertions:
                    - type: icontains
                      value: invoice

            """;
        if (defaults.Length > 0)
        {
            spec += "defaults:\n  assertions:\n" + defaults;
        }

        spec += gate + "\n" + risk + "\n";
        f.Write("shipgate.yaml", spec);
        if (knowledge)
        {
            f.Write("knowledge/billing.md", "Refunds are paid within 14 days of the first payment.\n");
        }

        return f;
    }

    public static string Risk(string severity, string detection, string mitigations = "[]", string budget = "  budget: { max_rate: 0.02, measured_by: \"grounded on every case\", rollback_at: 0.05 }\n") =>
        $"risk:\n  severity: {{ level: {severity}, why: \"customers act on it\" }}\n  detection: {{ level: {detection}, why: \"they rarely check\" }}\n  mitigations: {mitigations}\n{budget}";

    /// <summary>A candidate summary with <paramref name="hallucinated"/> of <paramref name="checkedCount"/> results hallucinated, figured like the eval does.</summary>
    public static CandidateSummary Candidate(string id, int checkedCount, int hallucinated, bool ship = true, bool approximate = false, int inconclusive = 0, bool offline = false)
    {
        var (low, high) = Proportion.Wilson(hallucinated, checkedCount);
        return new CandidateSummary
        {
            CandidateId = id,
            Provider = offline ? "local:extractive" : "openai:gpt-4o-mini",
            OfflineStandIn = offline,
            Total = checkedCount,
            Passed = checkedCount - hallucinated,
            Failed = hallucinated,
            GroundednessChecked = checkedCount,
            Hallucinated = hallucinated,
            GroundednessInconclusive = inconclusive,
            HallucinationRate = checkedCount == 0 ? 0 : (double)hallucinated / checkedCount,
            HallucinationRateCi = checkedCount == 0 ? default : new Interval(low, high),
            HallucinationUpperBound = checkedCount > 0 && hallucinated == 0 ? BinomialBounds.ZeroFailureUpperBound(checkedCount) : null,
            GroundednessApproximate = approximate,
            Verdict = new GateVerdict(ship, [], []),
        };
    }

    public static EvalReport Report(params CandidateSummary[] candidates) => new()
    {
        Run = new RunRecord
        {
            Id = RunId,
            Feature = "refunds",
            StartedAt = new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero),
            Status = RunStatus.Completed,
            SpecHash = "sha256:0",
            Candidates = [.. candidates.Select(c => new PlannedCandidate(c.CandidateId, c.Provider, "{}"))],
            CaseIds = [.. Enumerable.Range(0, candidates.Max(c => c.GroundednessChecked)).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture))],
            Repeats = 1,
        },
        Candidates = candidates,
        Results = [],
    };
}
