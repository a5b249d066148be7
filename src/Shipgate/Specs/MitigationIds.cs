namespace Shipgate.Specs;

/// <summary>
/// The mitigation vocabulary of <c>risk.mitigations</c>. What each one means and how Shipgate verifies it lives in
/// <c>Shipgate.Risk.Mitigations</c> and docs/risk.md; the loader only needs the names.
/// </summary>
public static class MitigationIds
{
    public const string BasicGuardrails = "basic_guardrails";
    public const string ConfidenceIndicators = "confidence_indicators";
    public const string Rag = "rag";
    public const string Citations = "citations";
    public const string GroundedChecks = "grounded_checks";
    public const string HumanSpotChecks = "human_spot_checks";
    public const string Monitoring = "monitoring";
    public const string ConstrainedOutputs = "constrained_outputs";
    public const string UserConfirmation = "user_confirmation";
    public const string HumanInTheLoop = "human_in_the_loop";
    public const string IncidentResponse = "incident_response";

    public static IReadOnlyList<string> All { get; } =
    [
        BasicGuardrails, ConfidenceIndicators, Rag, Citations, GroundedChecks, HumanSpotChecks, Monitoring,
        ConstrainedOutputs, UserConfirmation, HumanInTheLoop, IncidentResponse,
    ];
}
