using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Risk;

/// <summary>
/// The hallucination risk assessment of one feature (framework 5): where it sits in the severity × detection matrix, the
/// strategy that cell asks for, each required mitigation checked against the feature, the budget against the measured
/// rate, and the launch verdict. Renderers: RiskMarkdown, RiskHtml, RiskJson.
/// </summary>
public sealed record RiskAssessment
{
    public required string Feature { get; init; }

    /// <summary>The spec's risk section; null when it declares none (then <see cref="Readiness"/> is NotDeclared).</summary>
    public RiskSpec? Risk { get; init; }

    /// <summary>The strategy of the feature's cell; null without a risk section.</summary>
    public RiskStrategy? Strategy { get; init; }

    /// <summary>The strategy's required mitigations, in the strategy's order.</summary>
    public IReadOnlyList<MitigationCheck> Checks { get; init; } = [];

    /// <summary>Mitigations the spec declares beyond the strategy (checked the same way, never blocking).</summary>
    public IReadOnlyList<MitigationCheck> ExtraMitigations { get; init; } = [];

    public required BudgetAssessment Budget { get; init; }

    /// <summary>The run the measurements come from.</summary>
    public required string RunId { get; init; }

    /// <summary>The candidate assessed; null when the run has none.</summary>
    public string? CandidateId { get; init; }

    /// <summary>Why this candidate (see <c>CandidateChooser</c>); null when the caller did not say.</summary>
    public string? CandidateReason { get; init; }
    public string? Provider { get; init; }
    public bool OfflineStandIn { get; init; }

    /// <summary>Things a reader must know that do not change the verdict (approximate judge, offline stand-in, inconclusive verdicts).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public required Readiness Readiness { get; init; }

    public static Provenance SeveritySource => Provenance.Declared("risk.severity");

    public static Provenance DetectionSource => Provenance.Declared("risk.detection");
}
