using Shipgate.Evals.Assertions;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// <c>rubric</c>: the feature's judge(s) score the output on the rubric's criteria (all, or the assertion's subset);
/// it passes when the weighted 1-5 mean reaches <c>min</c> (default 4.0) and no safety criterion scored 2 or less.
/// Score: the mean mapped to 0-1. An inconclusive verdict fails, is flagged, and keeps the judge's raw reply.
/// </summary>
internal sealed class RubricAssertion(AssertionSpec spec, IJudgeFactory judges) : IAssertion
{
    public async ValueTask<AssertionOutcome> EvaluateAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Feature;
        if (feature?.Rubric is not { } rubric)
        {
            return Inconclusive("no rubric: add a 'rubric:' block to shipgate.yaml");
        }

        var criteria = spec.Criteria.Count == 0 ? rubric.Criteria : [.. rubric.Criteria.Where(c => spec.Criteria.Contains(c.Id))];
        var chosen = spec.Judge is { } id ? [.. feature.Judges.Where(j => j.Id == id)] : feature.Judges;
        if (chosen.Count == 0 || criteria.Count == 0)
        {
            return Inconclusive(chosen.Count == 0 ? "no judge: declare 'judge:' in shipgate.yaml" : "none of the assertion's criteria is in the rubric");
        }

        var request = new RubricJudgeRequest
        {
            Criteria = criteria,
            Case = context.Case,
            Input = context.Input,
            Output = context.Output,
            Embeddings = context.Embeddings,
        };
        var runs = new List<JudgeRun>();
        foreach (var judgeSpec in chosen)
        {
            IRubricJudge judge;
            try
            {
                judge = judges.Create(judgeSpec, feature);
            }
            catch (ProviderException ex)
            {
                return Inconclusive($"judge '{judgeSpec.Id}' could not be set up: {ex.Message}");
            }

            var repeats = new List<JudgeResult>();
            for (var i = 0; i < judgeSpec.Repeats; i++)
            {
                // The repeat index is in the key, so judge repeats stay independent samples.
                var key = context.JudgeCache is null ? null : JudgeVerdictCache.RubricKey(judgeSpec, request, i);
                if (key is not null && await context.JudgeCache!.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
                {
                    repeats.Add(new JudgeResult(cached));
                    continue;
                }

                var result = await judge.JudgeAsync(request, cancellationToken).ConfigureAwait(false);
                if (key is not null && !result.Verdict.Inconclusive)
                {
                    await context.JudgeCache!.PutAsync(key, result.Verdict, CancellationToken.None).ConfigureAwait(false);
                }

                repeats.Add(result);
            }

            runs.Add(new JudgeRun(judgeSpec.Id, repeats));
        }

        var min = spec.Min ?? AssertionTypes.DefaultRubricMin;
        var panel = JudgePanel.Combine(runs, criteria, rubric.Aggregate, min);
        var score = panel.Verdict.Inconclusive || panel.Verdict.Mean is not { } mean ? 0 : RubricMath.ToUnit(mean);
        return new AssertionOutcome(spec.DisplayType, panel.Pass, score, panel.Reason, spec.Weight)
        {
            Inconclusive = panel.Verdict.Inconclusive,
            Judge = panel.Verdict,
        };
    }

    private AssertionOutcome Inconclusive(string reason) =>
        new(spec.DisplayType, false, 0, "inconclusive: " + reason, spec.Weight) { Inconclusive = true };
}
