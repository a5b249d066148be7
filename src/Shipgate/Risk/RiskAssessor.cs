using Shipgate.Evals;
using Shipgate.Judging;
using Shipgate.Reports;
using Shipgate.Specs;

namespace Shipgate.Risk;

/// <summary>
/// Framework 5 end to end: the feature's cell in the severity × detection matrix, its strategy's mitigations checked
/// against the configuration, the measured hallucination rate's 95% upper bound against the budget, and the verdict.
/// </summary>
public static class RiskAssessor
{
    /// <param name="candidateId">The candidate to assess; default the first that ships on the eval gate, else the first.</param>
    /// <param name="candidateReason">Why that candidate (shown beside it); see <c>Launch.CandidateChooser</c>.</param>
    /// <exception cref="EvalUsageException">The run has no candidate <paramref name="candidateId"/>.</exception>
    public static RiskAssessment Assess(FeatureSpec spec, EvalReport report, string? candidateId = null, string? candidateReason = null) =>
        AssessCandidate(spec, report, candidateId) with { CandidateReason = candidateReason };

    private static RiskAssessment AssessCandidate(FeatureSpec spec, EvalReport report, string? candidateId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(report);
        var candidate = Choose(report, candidateId);
        var runId = report.Run.Id;
        var risk = spec.Risk;
        var warnings = new List<string>();
        if (candidate is { OfflineStandIn: true })
        {
            warnings.Add($"candidate '{candidate.CandidateId}' is an offline stand-in ({candidate.Provider}): its rate shows the pipeline works, not how a real model behaves");
        }

        if (report.Pending > 0)
        {
            warnings.Add($"run {runId} is incomplete ({report.Pending} results missing): the rate covers only what finished");
        }

        if (risk is null)
        {
            return new RiskAssessment
            {
                Feature = spec.Name,
                Budget = MeasureBudget(null, candidate, runId, warnings),
                RunId = runId,
                CandidateId = candidate?.CandidateId,
                Provider = candidate?.Provider,
                OfflineStandIn = candidate?.OfflineStandIn ?? false,
                Warnings = warnings,
                Readiness = new Readiness(
                    ReadinessStatus.NotDeclared,
                    "no hallucination risk declared: add a 'risk:' section with severity, detection, budget and mitigations (docs/risk.md)",
                    [
                        "add risk.severity { level: low|medium|high|critical, why: \"...\" } - what a hallucination costs",
                        "add risk.detection { level: easy|moderate|hard|near-impossible, why: \"...\" } - how easily it is noticed",
                        "add risk.budget { max_rate, measured_by, rollback_at } and risk.mitigations: [...]",
                    ]),
            };
        }

        var strategy = RiskMatrix.Strategy(risk.Severity.Level, risk.Detection.Level);
        if (strategy.Caution is { } caution)
        {
            warnings.Add(caution);
        }

        if (spec.Gate.MaxHallucinationRate is { } gate && risk.Budget is { } declared && gate > declared.MaxRate)
        {
            warnings.Add($"gate.max_hallucination_rate ({RiskText.Percent(gate)}) is looser than risk.budget.max_rate ({RiskText.Percent(declared.MaxRate)}): 'shipgate eval' can SHIP a candidate this budget rejects; lower the gate to {RiskText.Percent(declared.MaxRate)}");
        }

        var checks = strategy.Mitigations.Select(id => MitigationChecker.Check(id, required: true, spec, candidate)).ToList();
        var extras = risk.Mitigations.Where(id => !strategy.Mitigations.Contains(id, StringComparer.Ordinal))
            .Select(id => MitigationChecker.Check(id, required: false, spec, candidate)).ToList();
        var budget = MeasureBudget(risk.Budget, candidate, runId, warnings);
        return new RiskAssessment
        {
            Feature = spec.Name,
            Risk = risk,
            Strategy = strategy,
            Checks = checks,
            ExtraMitigations = extras,
            Budget = budget,
            RunId = runId,
            CandidateId = candidate?.CandidateId,
            Provider = candidate?.Provider,
            OfflineStandIn = candidate?.OfflineStandIn ?? false,
            Warnings = warnings,
            Readiness = Decide(risk, strategy, checks, budget),
        };
    }

    private static CandidateSummary? Choose(EvalReport report, string? candidateId)
    {
        if (candidateId is null)
        {
            return report.Candidates.FirstOrDefault(c => c.Verdict.Ship) ?? report.Candidates.FirstOrDefault();
        }

        return report.Candidates.FirstOrDefault(c => c.CandidateId == candidateId)
            ?? throw new EvalUsageException(report.Candidates.Count == 0
                ? $"run {report.Run.Id} has no candidates"
                : $"candidate '{candidateId}' is not in run {report.Run.Id}; {DidYouMean.Hint(candidateId, report.Candidates.Select(c => c.CandidateId).ToList(), "candidates")}");
    }

    private static BudgetAssessment MeasureBudget(HallucinationBudget? budget, CandidateSummary? candidate, string runId, List<string> warnings)
    {
        var maxRate = budget is null ? (RiskFigure?)null : new RiskFigure(budget.MaxRate, Provenance.Declared("risk.budget.max_rate"));
        var rollbackAt = budget?.RollbackAt is { } r ? new RiskFigure(r, Provenance.Declared("risk.budget.rollback_at")) : (RiskFigure?)null;
        var (trigger, window) = Rollback(budget);
        var measured = candidate is { GroundednessChecked: > 0 };
        if (candidate is { GroundednessInconclusive: > 0 })
        {
            warnings.Add($"{candidate.GroundednessInconclusive} groundedness verdicts were inconclusive and are left out of the rate (never counted as grounded)");
        }

        if (measured && candidate!.GroundednessApproximate)
        {
            warnings.Add($"the hallucination rate comes from the offline judge ({ReferenceGroundednessJudge.Label}): use a model judge for a rate to launch on");
        }

        var approximateNote = measured && candidate!.GroundednessApproximate ? $"; {ReferenceGroundednessJudge.Label}" : "";
        var b = new BudgetAssessment
        {
            Status = BudgetStatus.NotDeclared,
            Statement = "",
            MaxRate = maxRate,
            RollbackAt = rollbackAt,
            MeasuredBy = budget?.MeasuredBy,
            Checked = candidate?.GroundednessChecked ?? 0,
            Hallucinated = candidate?.Hallucinated ?? 0,
            Inconclusive = candidate?.GroundednessInconclusive ?? 0,
            Rate = measured ? new RiskFigure(candidate!.HallucinationRate, Provenance.Measured(runId)) : null,
            RateCi = measured ? candidate!.HallucinationRateCi : null,
            UpperBound = measured ? UpperBound(candidate!, runId) : null,
            Approximate = measured && candidate!.GroundednessApproximate,
            RollbackTrigger = trigger,
            RollbackWindow = window,
        };

        if (!measured)
        {
            var why = candidate is null
                ? $"run {runId} has no candidates"
                : candidate.GroundednessInconclusive > 0
                    ? $"every groundedness verdict for '{candidate.CandidateId}' in run {runId} was inconclusive"
                    : $"run {runId} has no grounded verdicts for '{candidate.CandidateId}'";
            return b with
            {
                Status = budget is null ? BudgetStatus.NotDeclared : BudgetStatus.NotMeasured,
                Statement = budget is null
                    ? $"no hallucination budget (add risk.budget), and the rate is not measured: {why}"
                    : $"hallucination rate not measured: {why}; add '- type: grounded' under defaults.assertions and run 'shipgate eval'",
            };
        }

        var rate = b.Rate!.Value.Value;
        var upper = b.UpperBound!.Value.Value;
        var measuredText = $"hallucination rate {RiskText.Percent(rate)} ({b.Hallucinated} of {b.Checked} checked{approximateNote}), ≤ {RiskText.Percent(upper)} at 95%";
        if (budget is null)
        {
            return b with { Status = BudgetStatus.NotDeclared, Statement = $"{measuredText}; no hallucination budget to compare with: add risk.budget with max_rate, measured_by and rollback_at" };
        }

        var max = budget.MaxRate;
        var needed = BudgetMath.CasesNeededWithZeroFailures(max) is { } n ? new RiskCount(n, Provenance.Derived("exact zero-failure 95% bound ≤ risk.budget.max_rate")) : (RiskCount?)null;
        var neededAtRate = b.Hallucinated > 0 && BudgetMath.CasesNeededAtRate(rate, max) is { } m
            ? new RiskCount(m, Provenance.Derived($"measured rate of run {runId} held, Wilson 95% upper end ≤ risk.budget.max_rate"))
            : (RiskCount?)null;
        if (upper <= max)
        {
            return b with { Status = BudgetStatus.Within, Statement = $"within budget: {measuredText}, within the budget of {RiskText.Percent(max)}" };
        }

        if (rate <= max)
        {
            var need = needed is { } k
                ? $"need {RiskText.Int(k.Value)} checked cases with zero hallucinations"
                : "no suite size can show a budget of 0%: allow a small rate";
            if (neededAtRate is { } atRate)
            {
                need += $" (or {RiskText.Int(atRate.Value)} at the measured rate of {RiskText.Percent(rate)})";
            }

            return b with
            {
                Status = BudgetStatus.Unproven,
                Statement = $"the point estimate is within budget but the suite is too small to show it: {measuredText}, over the budget of {RiskText.Percent(max)}; {need}",
                CasesNeeded = needed,
                CasesNeededAtMeasuredRate = neededAtRate,
            };
        }

        return b with
        {
            Status = BudgetStatus.Exceeded,
            Statement = $"over budget: {measuredText}, above the budget of {RiskText.Percent(max)}; fix the failing cases (see 'shipgate report') before adding more",
            CasesNeeded = needed,
        };
    }

    /// <summary>The bound the eval gate uses too: the exact zero-failure bound with none found, else the Wilson interval's upper end.</summary>
    private static RiskFigure UpperBound(CandidateSummary c, string runId) =>
        c.HallucinationUpperBound is { } exact
            ? new RiskFigure(exact, Provenance.Derived($"exact one-sided 95% bound after 0 of {c.GroundednessChecked}, run {runId}"))
            : new RiskFigure(c.HallucinationRateCi.High, Provenance.Derived($"upper end of the Wilson 95% interval, run {runId}"));

    private static (string? Trigger, RiskCount? Window) Rollback(HallucinationBudget? budget)
    {
        if (budget?.RollbackAt is not { } at)
        {
            return (null, null);
        }

        var how = $"measured by: {budget.MeasuredBy}";
        if (BudgetMath.RollbackWindow(budget.MaxRate, at) is { } w)
        {
            var window = new RiskCount(w, Provenance.Derived("risk.budget.max_rate and rollback_at: at the budget, the Wilson 95% upper end stays ≤ the trigger"));
            return ($"roll back when the production hallucination rate exceeds {RiskText.Percent(at)} over a window of {RiskText.Int(w)} checked answers ({how})", window);
        }

        return ($"roll back when the production hallucination rate exceeds {RiskText.Percent(at)} ({how}); with rollback_at at the budget no window tells a real rise from noise: set it above max_rate", null);
    }

    private static Readiness Decide(RiskSpec risk, RiskStrategy strategy, List<MitigationCheck> checks, BudgetAssessment budget)
    {
        var cell = $"{RiskLevels.Name(risk.Severity.Level)} severity, {RiskLevels.Name(risk.Detection.Level)} detection";
        var reasons = new List<string>();
        var problems = new List<string>();
        if (strategy.ReconsiderAi)
        {
            reasons.Add($"critical severity ({risk.Severity.Why}; declared, risk.severity): the framework says to reconsider whether AI is appropriate at all");
            problems.Add("critical severity: reconsider AI");
        }

        var missing = checks.Where(c => !c.Met).ToList();
        foreach (var m in missing)
        {
            reasons.Add($"missing {m.Mitigation.Name} ({m.Mitigation.Id}): {m.Evidence}; {m.WhatToDo}");
        }

        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} of {checks.Count} required mitigations missing");
        }

        if (!budget.Met)
        {
            reasons.Add(budget.Statement);
            problems.Add(budget.Status switch
            {
                BudgetStatus.Unproven => budget.CasesNeeded is { } n ? $"budget not shown (need {RiskText.Int(n.Value)} clean checked cases)" : "budget not shown",
                BudgetStatus.Exceeded => "over the hallucination budget",
                BudgetStatus.NotMeasured => "hallucination rate not measured",
                _ => "no hallucination budget",
            });
        }

        if (problems.Count > 0)
        {
            return new Readiness(ReadinessStatus.NotReady, $"{cell} → {strategy.Name}: {string.Join("; ", problems)}", reasons);
        }

        var declaredOnly = checks.Count(c => c.Status == MitigationStatus.DeclaredOnly);
        var met = $"{checks.Count} required mitigations in place" + (declaredOnly > 0 ? $" ({declaredOnly} declared only)" : "");
        reasons.AddRange(checks.Select(c => $"{c.Mitigation.Name}: {c.Evidence}"));
        reasons.Add(budget.Statement);
        return new Readiness(ReadinessStatus.Ready, $"{cell} → {strategy.Name}: {met}; hallucination rate ≤ {RiskText.Percent(budget.UpperBound!.Value.Value)} at 95% within the budget of {RiskText.Percent(budget.MaxRate!.Value.Value)}", reasons);
    }
}
