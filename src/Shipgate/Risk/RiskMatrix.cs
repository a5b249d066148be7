using Shipgate.Specs;
using static Shipgate.Specs.MitigationIds;

namespace Shipgate.Risk;

/// <summary>
/// Severity × detection → mitigation strategy (framework 5, step 3). The framework names seven cells (the easy and hard
/// columns and the critical row); the moderate column adds sources and verification aids to the easy strategy, the
/// near-impossible column escalates the hard one. The reasoning for each derived cell is in docs/risk.md.
/// </summary>
public static class RiskMatrix
{
    private const string NearImpossibleCaution = "wrong answers look entirely plausible here: the framework says the feature may not be suitable for AI";

    public static IReadOnlyList<RiskSeverity> Severities { get; } = [RiskSeverity.Low, RiskSeverity.Medium, RiskSeverity.High, RiskSeverity.Critical];

    public static IReadOnlyList<RiskDetection> Detections { get; } = [RiskDetection.Easy, RiskDetection.Moderate, RiskDetection.Hard, RiskDetection.NearImpossible];

    // Declared after Severities and Detections: static initializers run in textual order and Build reads them.
    private static readonly RiskStrategy[] Cells = Build();

    /// <summary>Every cell, severity-major (low/easy first).</summary>
    public static IReadOnlyList<RiskStrategy> All => Cells;

    public static RiskStrategy Strategy(RiskSeverity severity, RiskDetection detection) =>
        Cells[((int)severity * Detections.Count) + (int)detection];

    private static RiskStrategy[] Build()
    {
        var cells = new List<RiskStrategy>
        {
            // Low impact.
            Framework(RiskSeverity.Low, RiskDetection.Easy, "Basic guardrails",
                "A wrong answer costs little and the user sees it at once: stop the obvious failures and ship.",
                BasicGuardrails),
            Derived(RiskSeverity.Low, RiskDetection.Moderate, "Basic guardrails + citations",
                "The user can check with some effort, so hand them the source; at low impact nothing heavier is worth building.",
                BasicGuardrails, Citations),
            Framework(RiskSeverity.Low, RiskDetection.Hard, "Confidence indicators",
                "The user cannot tell a wrong answer, but it costs little: show how sure the answer is so they know when to doubt it.",
                BasicGuardrails, ConfidenceIndicators),
            Derived(RiskSeverity.Low, RiskDetection.NearImpossible, "Confidence indicators + human spot-checks",
                "Nobody will notice a wrong answer, so only a sampled human review can tell how often it happens.",
                BasicGuardrails, ConfidenceIndicators, HumanSpotChecks) with { Caution = NearImpossibleCaution },

            // Medium impact.
            Framework(RiskSeverity.Medium, RiskDetection.Easy, "RAG + source citations",
                "Errors cause rework: answer from retrieved sources and cite them so a wrong answer is quick to correct.",
                Rag, Citations),
            Derived(RiskSeverity.Medium, RiskDetection.Moderate, "RAG + citations + grounded checks",
                "Citations help only if they back the claim: the suite checks every answer against its sources as well.",
                Rag, Citations, GroundedChecks),
            Framework(RiskSeverity.Medium, RiskDetection.Hard, "RAG + human spot-checks + monitoring",
                "Users will not catch errors, so the team must: people review a sample and the rate is watched with a rollback trigger.",
                Rag, HumanSpotChecks, Monitoring),
            Derived(RiskSeverity.Medium, RiskDetection.NearImpossible, "RAG + citations + grounded checks + spot-checks + monitoring",
                "Even reviewers struggle to see errors: check every answer automatically against its cited sources, on top of the hard-detection strategy.",
                Rag, Citations, GroundedChecks, HumanSpotChecks, Monitoring) with { Caution = NearImpossibleCaution },

            // High impact.
            Framework(RiskSeverity.High, RiskDetection.Easy, "RAG + constrained outputs + user confirmation",
                "Errors damage trust: keep answers to known shapes and sources, and let the user confirm before acting on one.",
                Rag, ConstrainedOutputs, UserConfirmation),
            Derived(RiskSeverity.High, RiskDetection.Moderate, "RAG + constrained outputs + user confirmation + citations + grounded checks",
                "The user confirms only what they can check: give them the source, and check every answer against it before launch.",
                Rag, ConstrainedOutputs, UserConfirmation, Citations, GroundedChecks),
            Framework(RiskSeverity.High, RiskDetection.Hard, "Human in the loop",
                "Errors are costly and users cannot see them: a person approves every output before it takes effect.",
                HumanInTheLoop),
            Derived(RiskSeverity.High, RiskDetection.NearImpossible, "Human in the loop + RAG + citations + grounded checks + monitoring",
                "Reviewers cannot see errors either unless each claim comes with its source and is checked against it; the rate is watched with a rollback trigger.",
                HumanInTheLoop, Rag, Citations, GroundedChecks, Monitoring) with { Caution = NearImpossibleCaution },
        };

        // Critical impact: the framework's answer does not depend on detection.
        foreach (var detection in Detections)
        {
            cells.Add(new RiskStrategy
            {
                Severity = RiskSeverity.Critical,
                Detection = detection,
                Name = "Reconsider whether AI is appropriate",
                Reasoning = "A hallucination can cause physical, legal or financial harm. Rethink the feature first; if it goes ahead, the listed controls are the minimum.",
                Mitigations = [HumanInTheLoop, Rag, Citations, GroundedChecks, Monitoring, IncidentResponse],
                FromFramework = true,
                ReconsiderAi = true,
            });
        }

        return [.. cells];
    }

    private static RiskStrategy Framework(RiskSeverity severity, RiskDetection detection, string name, string reasoning, params string[] mitigations) =>
        new() { Severity = severity, Detection = detection, Name = name, Reasoning = reasoning, Mitigations = mitigations, FromFramework = true };

    private static RiskStrategy Derived(RiskSeverity severity, RiskDetection detection, string name, string reasoning, params string[] mitigations) =>
        new() { Severity = severity, Detection = detection, Name = name, Reasoning = reasoning, Mitigations = mitigations, FromFramework = false };
}
