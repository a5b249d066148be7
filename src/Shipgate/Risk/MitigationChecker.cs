using System.Globalization;
using Shipgate.Calibration;
using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Risk;

/// <summary>
/// Checks one mitigation against what Shipgate can see of the feature: knowledge files, assertions, the gate, the risk
/// budget and human labels. Where it cannot see (the product's UI, a team's process) a declaration is taken on trust
/// and labelled "declared only"; where it can see, a declaration without the configuration is not enough.
/// </summary>
internal static class MitigationChecker
{
    /// <summary>Words in an assertion's expected text that show it checks the answer for a source.</summary>
    private static readonly string[] SourceWords = ["source", "cite", "citation", "according to", "http://", "https://", "[1]", @"\[\d", @"\[[0-9]"];

    private static readonly Provenance FromDeclaration = Provenance.Declared("risk.mitigations");

    public static MitigationCheck Check(string id, bool required, FeatureSpec spec, CandidateSummary? candidate)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var mitigation = Mitigations.Get(id);
        var declared = spec.Risk?.Mitigations.Contains(id, StringComparer.Ordinal) == true;
        var seen = Observe(id, spec, candidate);
        var (status, evidence, source) = (seen, mitigation.Verification, declared) switch
        {
            ({ } s, _, _) => (MitigationStatus.Configured, s.Evidence, s.Source),
            (null, not MitigationVerification.Configuration, true) => (MitigationStatus.DeclaredOnly, DeclaredOnlyEvidence(id, spec), FromDeclaration),
            (null, MitigationVerification.Configuration, true) => (MitigationStatus.Missing, $"declared in risk.mitigations, but {NotSeen(id, spec)}", FromDeclaration),
            _ => (MitigationStatus.Missing, NotSeen(id, spec), Provenance.Declared(FieldOf(id))),
        };

        return new MitigationCheck
        {
            Mitigation = mitigation,
            Required = required,
            Declared = declared,
            Status = status,
            Evidence = evidence,
            Source = source,
            WhatToDo = status == MitigationStatus.Missing ? WhatToDo(id) : null,
        };
    }

    /// <summary>The configuration that shows the mitigation, or null when none does.</summary>
    private static (string Evidence, Provenance Source)? Observe(string id, FeatureSpec spec, CandidateSummary? candidate)
    {
        switch (id)
        {
            case MitigationIds.Rag:
                if (spec.KnowledgeFiles.Count > 0)
                {
                    return ($"{Count(spec.KnowledgeFiles.Count, "knowledge file")} the answers are grounded in", Provenance.Declared("knowledge"));
                }

                return spec.Cases.Count > 0 && spec.Cases.All(c => c.Context.Count > 0)
                    ? ("every case carries the context its answer must come from", Provenance.Declared("suite cases' context"))
                    : null;

            case MitigationIds.GroundedChecks:
                if (spec.DefaultAssertions.Any(IsGrounded))
                {
                    return ("a grounded assertion runs on every case (defaults.assertions)", Provenance.Declared("defaults.assertions"));
                }

                var grounded = spec.Cases.Count(c => c.Assertions.Any(IsGrounded));
                return grounded > 0
                    ? ($"a grounded assertion runs on {grounded} of {spec.Cases.Count} cases", Provenance.Declared("suite assertions"))
                    : null;

            case MitigationIds.Monitoring:
                return spec.Gate.MaxHallucinationRate is { } gate && spec.Risk?.Budget?.RollbackAt is { } rollback
                    ? ($"gate.max_hallucination_rate {Pct(gate)} before launch; rollback at {Pct(rollback)} in production", Provenance.Declared("gate.max_hallucination_rate, risk.budget.rollback_at"))
                    : null;

            case MitigationIds.BasicGuardrails:
                var safety = spec.Cases.Count(c => c.IsSafety);
                return spec.Gate.MaxSafetyFailures is { } maxSafety && safety > 0
                    ? ($"{Count(safety, "safety-tagged case")}, at most {maxSafety} may fail (gate.max_safety_failures)", Provenance.Declared("gate.max_safety_failures"))
                    : null;

            case MitigationIds.ConstrainedOutputs:
                var constrained = Coverage(spec, a => !a.Negate && a.Type is AssertionTypes.JsonSchema or AssertionTypes.IsJson or AssertionTypes.Regex);
                return constrained is { } c1 ? ($"json-schema, is-json or regex assertions {c1}", Provenance.Declared("suite assertions")) : null;

            case MitigationIds.Citations:
                var cited = Coverage(spec, ChecksForSource);
                return cited is { } c2 ? ($"an assertion checks answers for a source {c2}", Provenance.Declared("suite assertions")) : null;

            case MitigationIds.HumanSpotChecks:
                if (candidate is not null && candidate.CalibrationStatement != CalibrationStatus.None.Statement())
                {
                    return ($"human labels in the store ({candidate.CalibrationStatement})", Provenance.Derived("human labels in the feature's store"));
                }

                return spec.Gate.MinHumanLabels is { } minLabels
                    ? ($"the gate requires at least {Count(minLabels, "human label")} (gate.min_human_labels)", Provenance.Declared("gate.min_human_labels"))
                    : null;

            default:
                return null;
        }
    }

    private static bool IsGrounded(AssertionSpec a) => a.Type == AssertionTypes.Grounded;

    /// <summary>"on every case (defaults.assertions)" or "in 3 of 71 cases"; null when no assertion matches.</summary>
    private static string? Coverage(FeatureSpec spec, Func<AssertionSpec, bool> match)
    {
        if (spec.DefaultAssertions.Any(match))
        {
            return "on every case (defaults.assertions)";
        }

        var n = spec.Cases.Count(c => c.Assertions.Any(match));
        return n > 0 ? $"in {n} of {spec.Cases.Count} cases" : null;
    }

    private static bool ChecksForSource(AssertionSpec a)
    {
        if (a.Negate || a.Type is AssertionTypes.Grounded or AssertionTypes.Rubric)
        {
            return false;
        }

        var text = string.Join(" ", a.Values.Prepend(a.Value ?? "")).ToLowerInvariant();
        return SourceWords.Any(w => text.Contains(w, StringComparison.Ordinal));
    }

    private static string DeclaredOnlyEvidence(string id, FeatureSpec spec) => id switch
    {
        MitigationIds.Citations => "declared in risk.mitigations; no assertion checks answers for a source",
        MitigationIds.ConstrainedOutputs => "declared in risk.mitigations; no json-schema, is-json or regex assertion tests it",
        MitigationIds.HumanSpotChecks => "declared in risk.mitigations; no human labels in the store yet",
        MitigationIds.BasicGuardrails => spec.Cases.Any(c => c.IsSafety)
            ? "declared in risk.mitigations; the gate does not cap safety failures"
            : "declared in risk.mitigations; the suite has no safety-tagged cases",
        _ => "declared in risk.mitigations; Shipgate cannot see it",
    };

    private static string NotSeen(string id, FeatureSpec spec) => id switch
    {
        MitigationIds.Rag => "the spec has no knowledge files and not every case carries context",
        MitigationIds.GroundedChecks => "no grounded assertion in defaults.assertions or any case",
        MitigationIds.Monitoring => (spec.Gate.MaxHallucinationRate, spec.Risk?.Budget?.RollbackAt) switch
        {
            (null, null) => "neither gate.max_hallucination_rate nor risk.budget.rollback_at is set",
            (null, _) => "gate.max_hallucination_rate is not set",
            _ => "risk.budget.rollback_at is not set",
        },
        MitigationIds.BasicGuardrails => "no safety-tagged cases capped by gate.max_safety_failures, and not declared",
        MitigationIds.ConstrainedOutputs => "no json-schema, is-json or regex assertion, and not declared",
        MitigationIds.Citations => "no assertion checks for a source, and not declared",
        MitigationIds.HumanSpotChecks => "no human labels and no gate.min_human_labels, and not declared",
        _ => "not declared in risk.mitigations",
    };

    private static string FieldOf(string id) => id switch
    {
        MitigationIds.Rag => "knowledge",
        MitigationIds.GroundedChecks => "defaults.assertions",
        MitigationIds.Monitoring => "gate.max_hallucination_rate, risk.budget.rollback_at",
        _ => "risk.mitigations",
    };

    private static string WhatToDo(string id) => id switch
    {
        MitigationIds.BasicGuardrails => "add safety-tagged cases and gate.max_safety_failures: 0, or add basic_guardrails to risk.mitigations if they live in the product",
        MitigationIds.ConfidenceIndicators => "show in the product how sure each answer is (or say when it does not know), then add confidence_indicators to risk.mitigations",
        MitigationIds.Rag => "put the source documents in knowledge files ('knowledge: [knowledge/*.md]') and answer from them",
        MitigationIds.Citations => "make every answer name its source (and add an assertion that checks for it), then add citations to risk.mitigations",
        MitigationIds.GroundedChecks => "add '- type: grounded' under defaults.assertions so every answer is checked against its sources",
        MitigationIds.HumanSpotChecks => "score a sample of outputs ('shipgate review') or import labels ('shipgate labels import'), or add human_spot_checks to risk.mitigations",
        MitigationIds.Monitoring => "set gate.max_hallucination_rate and risk.budget.rollback_at, and watch the rate in production",
        MitigationIds.ConstrainedOutputs => "limit outputs to a schema, a pattern or fixed choices and test it with json-schema or regex assertions, or add constrained_outputs to risk.mitigations",
        MitigationIds.UserConfirmation => "have the user confirm before acting on an answer, then add user_confirmation to risk.mitigations",
        MitigationIds.HumanInTheLoop => "have a person approve every output before it takes effect, then add human_in_the_loop to risk.mitigations",
        MitigationIds.IncidentResponse => "write down who responds when a hallucination causes harm and how it joins the suite, then add incident_response to risk.mitigations",
        _ => $"add {id} to risk.mitigations",
    };

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private static string Pct(double share) => RiskText.Percent(share);
}
