using Shipgate.Specs;

namespace Shipgate.Risk;

/// <summary>The mitigation vocabulary (docs/risk.md, "Mitigations"): names, meanings and how each is verified.</summary>
public static class Mitigations
{
    public static IReadOnlyList<Mitigation> All { get; } =
    [
        new(MitigationIds.BasicGuardrails, "basic guardrails",
            "input and output checks that stop the obvious failures (off-topic, unsafe, leaked instructions)",
            MitigationVerification.ConfigurationOrDeclaration,
            "safety-tagged cases in the suite and gate.max_safety_failures set; else declared"),
        new(MitigationIds.ConfidenceIndicators, "confidence indicators",
            "the product shows how sure the answer is, or says when it does not know",
            MitigationVerification.Declaration,
            "declared only: it lives in the product's UI"),
        new(MitigationIds.Rag, "RAG",
            "answers are generated from retrieved source documents, not from the model's memory",
            MitigationVerification.Configuration,
            "knowledge files in 'knowledge:' (or context on every case)"),
        new(MitigationIds.Citations, "source citations",
            "each answer names the source it rests on, so the user can check it",
            MitigationVerification.ConfigurationOrDeclaration,
            "declared; an assertion that checks answers for a source is reported as evidence"),
        new(MitigationIds.GroundedChecks, "grounded checks",
            "every answer's claims are checked against the sources by a groundedness judge",
            MitigationVerification.Configuration,
            "a 'grounded' assertion in defaults.assertions (every case) or in cases"),
        new(MitigationIds.HumanSpotChecks, "human spot-checks",
            "people review a sample of outputs regularly and score them",
            MitigationVerification.ConfigurationOrDeclaration,
            "human labels in the store ('shipgate review', 'shipgate labels import') or gate.min_human_labels; else declared"),
        new(MitigationIds.Monitoring, "hallucination monitoring",
            "the hallucination rate is gated before launch and watched in production, with a rollback trigger",
            MitigationVerification.Configuration,
            "gate.max_hallucination_rate and risk.budget.rollback_at both set"),
        new(MitigationIds.ConstrainedOutputs, "constrained outputs",
            "outputs are limited to a schema, a pattern or a fixed set of values",
            MitigationVerification.ConfigurationOrDeclaration,
            "json-schema, is-json or regex assertions in the suite; else declared"),
        new(MitigationIds.UserConfirmation, "user confirmation",
            "the user confirms before anything the answer says is acted on",
            MitigationVerification.Declaration,
            "declared only: it lives in the product's flow"),
        new(MitigationIds.HumanInTheLoop, "human in the loop",
            "a person reviews and approves every output before it takes effect",
            MitigationVerification.Declaration,
            "declared only: it is a team's process"),
        new(MitigationIds.IncidentResponse, "incident response",
            "a written plan for when a hallucination causes harm: who is paged, how users are told, how the case joins the suite",
            MitigationVerification.Declaration,
            "declared only: it is a team's process"),
    ];

    /// <summary>The mitigation with this id; throws for an id outside the vocabulary (the loader rejects those).</summary>
    public static Mitigation Get(string id) =>
        All.FirstOrDefault(m => m.Id == id) ?? throw new ArgumentException($"unknown mitigation '{id}'", nameof(id));
}
