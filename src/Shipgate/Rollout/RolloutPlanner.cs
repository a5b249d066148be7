using System.Globalization;
using Shipgate.Cost;
using Shipgate.Reports;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Rollout;

/// <summary>
/// Turns the spec's rollout stages (or the framework's defaults) into a plan: each stage's gate comes from
/// <c>rollout.gates</c> first, then from the ship gate, the risk budget and the cost guardrails; how many requests a
/// stage needs comes from the hallucination budget (clean checks needed to show the rate is under it at 95%).
/// </summary>
internal static class RolloutPlanner
{
    /// <summary>Requests per stage when there is no hallucination budget to derive them from.</summary>
    public const int DefaultMinRequests = 200;

    /// <summary>Production error budget when neither rollout.gates nor a non-zero ship gate declares one.</summary>
    public const double DefaultMaxErrorRate = 0.02;

    /// <summary>Share of negative ratings that stops a stage when nothing is declared.</summary>
    public const double DefaultMaxNegativeFeedbackRate = 0.15;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static RolloutPlan Plan(FeatureSpec spec, RolloutInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(inputs);
        var notes = new List<string>();
        var common = CommonGates(spec, inputs, notes);
        var (minChecks, minSource) = StageChecks(inputs, notes);
        var sampleRate = spec.Rollout.SampleRate ?? 1.0;
        if (spec.Rollout.SampleRate is null)
        {
            notes.Add("the plan assumes the online judge checks every request; declare rollout.sample_rate (e.g. 0.05) if it samples, and stages get longer");
        }
        if (inputs.DailyRequests is null)
        {
            notes.Add("stage lengths are unknown: declare economics.traffic (users, requests per user per day) to see how many days each stage takes");
        }
        else
        {
            notes.Add("the shadow stage is assumed to mirror every request: it costs as much as 100% traffic while it runs");
        }

        var stages = new List<RolloutStagePlan>();
        var specStages = spec.Rollout.Stages;
        for (var i = 0; i < specStages.Count; i++)
        {
            var stage = specStages[i];
            var last = i == specStages.Count - 1;
            var gates = stage.Audience == RolloutAudience.Shadow ? common.Where(g => g.Metric != FeedbackMetric).ToList() : common;
            int? checks = last ? null : stage.MinRequests is { } declaredRequests ? (int)Math.Ceiling(declaredRequests * sampleRate) : minChecks;
            int? requests = last ? null : stage.MinRequests ?? (int)Math.Ceiling(minChecks / sampleRate);
            Provenance? requestsSource = last ? null
                : stage.MinRequests is not null ? Provenance.Declared($"rollout.stages[{i}].min_requests")
                : sampleRate < 1 ? Provenance.Derived($"{minSource.Detail}; at a judge sample of {Percent(sampleRate)} (rollout.sample_rate)") : minSource;
            var (days, daysSource) = last ? (null, null) : ExpectedDays(stage, requests!.Value, inputs);
            var previous = i == 0 ? "off (the current path keeps serving)" : $"'{specStages[i - 1].Name}'";
            stages.Add(new RolloutStagePlan
            {
                Name = stage.Name,
                Audience = stage.Audience,
                TrafficPercent = stage.TrafficPercent,
                MinDays = stage.MinDays,
                MinChecks = checks,
                MinRequests = requests,
                MinRequestsSource = requestsSource,
                ExpectedDays = days,
                ExpectedDaysSource = daysSource,
                Gates = gates,
                Promotion = last
                    ? "steady state: keep watching every gate; production failures become new eval cases"
                    : $"promote to '{specStages[i + 1].Name}' after {Days(stage.MinDays)} and {requests:#,0} requests ({checks:#,0} checked answers) with every gate holding at its 95% bound",
                Rollback = $"roll back to {previous} as soon as a gate is breached beyond its 95% bound"
                    + (inputs.HallucinationRollbackAt is { } r ? $"; a hallucination rate above {Percent(r)} rolls back at once" : ""),
            });
        }

        if (!spec.Rollout.Declared)
        {
            notes.Add("stages are the framework's defaults (shadow, internal, 5%, 25%, 100%); declare rollout.stages to change them");
        }

        return new RolloutPlan
        {
            Stages = stages,
            DefaultStages = !spec.Rollout.Declared || ReferenceEquals(spec.Rollout.Stages, RolloutStageSpec.Defaults),
            Notes = notes,
            Gates = common,
            Readiness = Judge(common),
        };
    }

    private const string QualityMetric = "rubric mean (online judge sample)";
    private const string HallucinationMetric = "hallucination rate (sampled groundedness checks)";
    private const string FeedbackMetric = "negative feedback rate";

    private static List<StageGate> CommonGates(FeatureSpec spec, RolloutInputs inputs, List<string> notes)
    {
        var declared = spec.Rollout.Gates;
        var gates = new List<StageGate>();
        if (declared.MinRubricMean is { } q)
        {
            gates.Add(new(QualityMetric, $"≥ {q.ToString("0.0#", Inv)}", Provenance.Declared("rollout.gates.min_rubric_mean")));
        }
        else if (spec.Gate.MinRubricMean is { } gq)
        {
            gates.Add(new(QualityMetric, $"≥ {gq.ToString("0.0#", Inv)}", Provenance.Declared("gate.min_rubric_mean")));
        }
        else if (spec.Gate.RubricMeanAbove is { } ga)
        {
            gates.Add(new(QualityMetric, $"> {ga.ToString("0.0#", Inv)}", Provenance.Declared("gate.rubric_mean_above")));
        }

        if (declared.MaxHallucinationRate is { } h)
        {
            gates.Add(new(HallucinationMetric, $"≤ {Percent(h)}", Provenance.Declared("rollout.gates.max_hallucination_rate")));
        }
        else if (inputs.HallucinationBudget is { } budget)
        {
            // Promotion needs the budget; only the (higher) trigger rolls back, so noise around the budget does not flap.
            var rollback = inputs.HallucinationRollbackAt is { } rb ? $"; above {Percent(rb)} rolls back" : "";
            gates.Add(new(HallucinationMetric, $"≤ {Percent(budget)} to promote{rollback}", inputs.HallucinationBudgetSource));
        }
        else if (inputs.HallucinationRollbackAt is { } rb)
        {
            gates.Add(new(HallucinationMetric, $"≤ {Percent(rb)}", inputs.HallucinationRollbackSource));
        }
        else if (spec.Gate.MaxHallucinationRate is { } gh)
        {
            gates.Add(new(HallucinationMetric, $"≤ {Percent(gh)}", Provenance.Declared("gate.max_hallucination_rate")));
        }

        if ((declared.MaxP95LatencyMs ?? spec.Gate.MaxP95LatencyMs) is { } p95)
        {
            var field = declared.MaxP95LatencyMs is not null ? "rollout.gates.max_p95_latency_ms" : "gate.max_p95_latency_ms";
            gates.Add(new("p95 latency", $"≤ {p95.ToString("#,0", Inv)} ms", Provenance.Declared(field)));
        }
        else
        {
            notes.Add("no latency gate: declare gate.max_p95_latency_ms or rollout.gates.max_p95_latency_ms");
        }

        if (declared.MaxCostPerRequest is { } c)
        {
            gates.Add(new("cost per request", $"≤ {MoneyFormat.Usd(c)}", Provenance.Declared("rollout.gates.max_cost_per_request")));
        }
        else if (inputs.MaxCostPerRequest is { } guard)
        {
            gates.Add(new("cost per request", $"≤ {MoneyFormat.Usd(guard)}", inputs.MaxCostPerRequestSource));
        }
        else if (spec.Gate.MaxCostPerRequest is { } gc)
        {
            gates.Add(new("cost per request", $"≤ {MoneyFormat.Usd(gc)}", Provenance.Declared("gate.max_cost_per_request")));
        }
        else
        {
            notes.Add("no cost gate: declare economics.guardrails.max_cost_per_request (or let 'shipgate cost' propose one)");
        }

        if (declared.MaxErrorRate is { } e)
        {
            gates.Add(new("error rate", $"≤ {Percent(e)}", Provenance.Declared("rollout.gates.max_error_rate")));
        }
        else if (spec.Gate.MaxErrorRate is > 0 and var ge)
        {
            gates.Add(new("error rate", $"≤ {Percent(ge)}", Provenance.Declared("gate.max_error_rate")));
        }
        else
        {
            gates.Add(new("error rate", $"≤ {Percent(DefaultMaxErrorRate)}", Provenance.Estimated("Shipgate default for production; a zero-error eval gate is kept for the suite")));
        }

        gates.Add(declared.MaxNegativeFeedbackRate is { } f
            ? new(FeedbackMetric, $"≤ {Percent(f)}", Provenance.Declared("rollout.gates.max_negative_feedback_rate"))
            : new(FeedbackMetric, $"≤ {Percent(DefaultMaxNegativeFeedbackRate)}", Provenance.Estimated("Shipgate default; declare rollout.gates.max_negative_feedback_rate")));
        return gates;
    }

    /// <summary>
    /// Checked answers a stage needs: enough clean checks to show the rate is within budget at 95%, and at least one
    /// rollback window, so a stage is never promoted before a rollback could have fired.
    /// </summary>
    private static (int Checks, Provenance Source) StageChecks(RolloutInputs inputs, List<string> notes)
    {
        if (inputs.HallucinationBudget is > 0 and < 1 and var budget)
        {
            var n = BinomialBounds.ZeroFailureSampleSize(budget);
            if (inputs.RollbackWindow is { } window && window > n)
            {
                return (window, Provenance.Derived($"{window} checked answers: one rollback window at a {Percent(budget)} budget (more than the {n} clean checks that show the budget at 95%)"));
            }

            return (n, Provenance.Derived($"{n} clean checked answers show a rate ≤ {Percent(budget)} at 95% (budget from {inputs.HallucinationBudgetSource.Detail})"));
        }

        notes.Add($"no hallucination budget: each stage waits for {DefaultMinRequests} checked answers (declare risk.budget.max_rate to derive it)");
        return (DefaultMinRequests, Provenance.Estimated($"Shipgate default of {DefaultMinRequests} checked answers per stage"));
    }

    private static (double? Days, Provenance? Source) ExpectedDays(RolloutStageSpec stage, int requests, RolloutInputs inputs)
    {
        if (inputs.DailyRequests is not { } daily || daily <= 0)
        {
            return (null, null);
        }

        double? share = stage.Audience switch
        {
            RolloutAudience.Shadow => 1.0,
            RolloutAudience.Users => stage.TrafficPercent / 100,
            _ => null,
        };
        if (share is not > 0)
        {
            return (null, null);
        }

        var perDay = daily * share.Value;
        var days = Math.Max(stage.MinDays, Math.Ceiling(requests / perDay));
        return (days, Provenance.Derived(string.Create(Inv, $"{requests:#,0} requests at {perDay:#,0} per day ({inputs.DailyRequestsSource.Detail}), at least {Days(stage.MinDays)}")));
    }

    private static Readiness Judge(List<StageGate> gates)
    {
        var reasons = new List<string>();
        if (!gates.Any(g => g.Metric is QualityMetric or HallucinationMetric))
        {
            reasons.Add("no stage can be judged on quality: declare gate.min_rubric_mean (or rubric_mean_above), risk.budget.rollback_at or rollout.gates");
        }

        if (!gates.Any(g => g.Metric == "cost per request"))
        {
            reasons.Add("no stage is watched on cost: declare economics.guardrails.max_cost_per_request or rollout.gates.max_cost_per_request");
        }

        return reasons.Count == 0
            ? new Readiness(ReadinessStatus.Ready, $"every stage is gated on {string.Join(", ", gates.Select(g => g.Metric))}", [])
            : new Readiness(ReadinessStatus.NotReady, "some stages cannot be judged automatically", reasons);
    }

    private static string Percent(double share) => ReportText.Percent(share);

    private static string Days(double days) => days == 1 ? "1 day" : $"{days.ToString("0.#", Inv)} days";
}
