using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Shipgate.Cost;
using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Risk;
using Shipgate.Rollout;
using Shipgate.Selection;
using Shipgate.Specs;

namespace Shipgate.Launch;

/// <summary>
/// Runs the decision frameworks on one eval report in the order they feed each other: selection picks the candidate
/// (and fits the router), cost engineering prices it (the router is one of its levers), risk checks its groundedness
/// against the budget, and the rollout plan takes its stage gates from all three.
/// </summary>
internal static class LaunchAssembler
{
    public static async Task<LaunchReport> AssembleAsync(
        FeatureSpec spec,
        EvalReport report,
        PriceCatalog catalog,
        TimeProvider time,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings,
        string? candidateId = null,
        IReadOnlyList<string>? warnings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(time);
        if (report.Candidates.Count == 0)
        {
            throw new EvalUsageException($"run {report.Run.Id} has no candidates to launch");
        }

        var selection = await SelectionAnalyzer.AnalyzeAsync(spec, report, catalog, embeddings, cancellationToken).ConfigureAwait(false);
        var (choice, choiceWarnings) = await CandidateChooser.ResolveAsync(spec, report, candidateId, catalog, selection.Winner, cancellationToken).ConfigureAwait(false);
        var (candidate, why) = (choice.Candidate, choice.Reason);
        var cost = CostAnalyzer.Analyze(spec, report, catalog, time, selection.Router, candidate.CandidateId, candidateReason: why);
        var risk = RiskAssessor.Assess(spec, report, candidate.CandidateId, why);
        var plan = RolloutPlanner.Plan(spec, RolloutInputsFrom(spec, cost) with { RollbackWindow = risk.Budget.RollbackWindow?.Value });

        var notes = new List<string>(warnings ?? []);
        notes.AddRange(choiceWarnings);
        if (candidate.OfflineStandIn)
        {
            notes.Add($"{candidate.CandidateId} is an offline stand-in ({candidate.Provider}): this report rehearses the launch; its numbers are not a real model's");
        }

        notes.AddRange(cost.Warnings.Where(w => w.Contains("catalog", StringComparison.OrdinalIgnoreCase) && !notes.Contains(w)));
        return new LaunchReport
        {
            Feature = spec.Name,
            CandidateId = candidate.CandidateId,
            CandidateReason = why,
            RunId = report.Run.Id,
            GeneratedAt = time.GetUtcNow(),
            Parts =
            [
                EvalGatePart.Build(report, candidate),
                new LaunchPart("Model selection", selection.Readiness, SelectionMarkdown.Render(selection), SelectionHtml.Render(selection), JsonNode.Parse(SelectionJson.Render(selection))),
                new LaunchPart("Unit economics", cost.Readiness, CostMarkdown.Render(cost), CostHtml.Render(cost), JsonNode.Parse(CostJson.Serialize(cost))),
                new LaunchPart("Hallucination risk", risk.Readiness, RiskMarkdown.Render(risk), RiskHtml.Render(risk), JsonNode.Parse(RiskJson.Render(risk))),
                RolloutPart.Build(plan),
            ],
            Rollout = plan,
            Warnings = notes,
        };
    }

    /// <summary>Traffic from the economics section, the budget from the risk section, the per-request cap from cost guardrails (declared, else proposed).</summary>
    internal static RolloutInputs RolloutInputsFrom(FeatureSpec spec, CostAnalysis cost)
    {
        var traffic = spec.Economics?.Traffic;
        var budget = spec.Risk?.Budget;
        var cap = cost.Guardrails.FirstOrDefault(g => g.Name == CostAnalyzer.MaxCostPerRequestGuardrail);
        return new RolloutInputs
        {
            DailyRequests = traffic is null ? null : (double)(traffic.Users * traffic.RequestsPerUserPerDay),
            DailyRequestsSource = Provenance.Declared("economics.traffic"),
            HallucinationBudget = budget?.MaxRate,
            HallucinationBudgetSource = Provenance.Declared("risk.budget.max_rate"),
            HallucinationRollbackAt = budget?.RollbackAt,
            HallucinationRollbackSource = Provenance.Declared("risk.budget.rollback_at"),
            MaxCostPerRequest = cap?.Declared ?? cap?.Proposed,
            MaxCostPerRequestSource = cap?.Declared is not null
                ? Provenance.Declared("economics.guardrails.max_cost_per_request")
                : cap is not null ? Provenance.Derived($"proposed by shipgate cost: {cap.Rule}") : default,
        };
    }
}
