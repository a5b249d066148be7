namespace Shipgate.Statistics;

/// <summary>One call for `shipgate compare` and the gate: B against A on the same cases, with a verdict that needs two methods to agree.</summary>
public static class PairedComparison
{
    /// <summary>
    /// Compares paired scores (difference b - a, positive = B higher). The verdict is an improvement or regression
    /// only when the paired bootstrap is significant (interval excludes 0 and p &lt; 1 - confidence) and the Wilcoxon
    /// signed-rank test agrees at the same level: the bootstrap alone is optimistic on small suites, the rank test alone
    /// ignores score size. Otherwise "no significant difference" — which means "not shown", not "equal": read it next to
    /// <see cref="PairedComparisonResult.MinimumDetectableDifference"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The inputs differ in length or hold a non-finite value.</exception>
    public static PairedComparisonResult Compare(IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence = 0.95, int resamples = Bootstrap.DefaultResamples, int seed = Bootstrap.DefaultSeed)
    {
        var difference = Bootstrap.PairedDifference(a, b, confidence, resamples, seed);
        var differences = Inputs.Differences(a, b);
        var sign = PairedTests.SignTest(differences);
        var wilcoxon = PairedTests.WilcoxonSignedRank(differences);
        var alpha = 1 - confidence;
        var mde = difference.N < 2 || double.IsNaN(difference.StandardDeviation)
            ? double.NaN
            : Power.MinimumDetectableDifference(difference.N, difference.StandardDeviation, alpha);

        var verdict = ComparisonVerdict.NoSignificantDifference;
        if (difference.Significant && wilcoxon.PValue < alpha)
        {
            verdict = difference.MeanDifference > 0 ? ComparisonVerdict.Improvement : ComparisonVerdict.Regression;
        }

        return new PairedComparisonResult(difference, sign, wilcoxon, mde, verdict);
    }
}
