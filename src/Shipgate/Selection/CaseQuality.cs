using Shipgate.Evals;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>Per-case values of the quality metric for one candidate (repeats averaged), for paired comparisons and routing.</summary>
internal static class CaseQuality
{
    /// <summary>Case id → quality; cases without a value (e.g. no conclusive rubric verdict, or an error) are left out.</summary>
    public static Dictionary<string, double> Of(EvalReport report, string candidateId, QualityMetric metric) =>
        report.Results
            .Where(r => r.CandidateId == candidateId && r.Error is null)
            .Select(r => (r.CaseId, Value: Value(r, metric)))
            .Where(x => x.Value is not null)
            .GroupBy(x => x.CaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(x => x.Value!.Value), StringComparer.Ordinal);

    public static double? Value(ResultRecord result, QualityMetric metric) => metric switch
    {
        QualityMetric.PassRate => result.Pass ? 1 : 0,
        QualityMetric.MeanScore => result.Score,
        _ => RubricFigures.Of([result]).Means is [var mean] ? mean : null,
    };

    public static (double Min, double Max) Scale(QualityMetric metric) => metric == QualityMetric.RubricMean ? (1, 5) : (0, 1);

    public static string Name(QualityMetric metric) => metric switch
    {
        QualityMetric.PassRate => "pass_rate",
        QualityMetric.MeanScore => "mean_score",
        _ => "rubric_mean",
    };
}
