using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Statistics;

namespace Shipgate.Evals;

/// <summary>A candidate's judge figures from its results: rubric means with a bootstrap CI, inconclusive count, judge usage.</summary>
internal sealed record RubricFigures(
    IReadOnlyList<double> Means,
    double Low,
    double High,
    int Verdicts,
    int Inconclusive,
    IReadOnlyList<string> Judges,
    bool ReferenceBased,
    long InputTokens,
    long OutputTokens,
    decimal? CostUsd)
{
    public static RubricFigures Of(IReadOnlyList<ResultRecord> results)
    {
        // Groundedness verdicts count for judge usage but not for the rubric mean or its inconclusive rate.
        var verdicts = results.SelectMany(r => r.Assertions).Where(IsRubricVerdict).ToList();
        var judged = results.SelectMany(r => r.Assertions).Select(a => a.Judge).OfType<JudgeVerdict>().ToList();
        var rubricJudged = verdicts.Select(a => a.Judge).OfType<JudgeVerdict>().ToList();
        var means = results
            .Select(r => r.Assertions.Where(a => a.Type != AssertionTypes.Grounded).Select(a => a.Judge).OfType<JudgeVerdict>().Where(j => !j.Inconclusive && j.Mean is not null).Select(j => j.Mean!.Value).ToList())
            .Where(m => m.Count > 0)
            .Select(m => m.Average())
            .ToList();
        var (low, high) = means.Count == 0 ? (0, 0) : Bootstrap.MeanInterval(means);
        return new RubricFigures(
            means,
            low,
            high,
            verdicts.Count,
            verdicts.Count(a => a.Inconclusive),
            [.. rubricJudged.Select(j => j.JudgeId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            rubricJudged.Any(j => j.ReferenceBased),
            judged.Sum(j => j.InputTokens),
            judged.Sum(j => j.OutputTokens),
            judged.All(j => j.CostUsd is not null) ? judged.Sum(j => j.CostUsd!.Value) : null);
    }

    /// <summary>A rubric verdict (given or inconclusive); groundedness verdicts are counted on their own.</summary>
    public static bool IsRubricVerdict(AssertionOutcome a) =>
        a.Type != AssertionTypes.Grounded && (a.Judge is not null || a.Type == AssertionTypes.Rubric);
}
