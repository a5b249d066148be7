using Shipgate.Statistics;

namespace Shipgate.Tests.Statistics;

public sealed class AgreementTests
{
    // A small 1-5 example, worked by hand below: people's labels and the judge's for 10 outputs.
    private static readonly int[] Human = [1, 2, 3, 4, 5, 3, 2, 4, 5, 1];
    private static readonly int[] Judge = [1, 2, 4, 4, 5, 3, 3, 4, 4, 2];

    [Fact]
    public void CohenKappa_TextbookTwoByTwoTable_Is0Point40()
    {
        // 50 items: both "yes" 20, rater A yes/B no 5, A no/B yes 10, both "no" 15.
        // pₒ = 35/50 = 0.70; rows 25/25, columns 30/20 → pₑ = (25·30 + 25·20)/50² = 0.50; κ = 0.20/0.50 = 0.40.
        int[][] table = [[20, 5], [10, 15]];

        Assert.Equal(0.40, Agreement.CohenKappa(table), 12);
    }

    [Fact]
    public void CohenKappa_Unweighted_HandComputed()
    {
        // 6 of 10 identical → pₒ = 0.6. Human uses each label twice (0.2 each); judge: 1→1, 2→2, 3→2, 4→4, 5→1 of 10.
        // pₑ = 0.2·(0.1 + 0.2 + 0.2 + 0.4 + 0.1) = 0.2; κ = (0.6 - 0.2)/(1 - 0.2) = 0.5.
        Assert.Equal(0.5, Agreement.CohenKappa(Judge, Human), 12);
    }

    [Fact]
    public void CohenKappa_QuadraticWeighted_HandComputed()
    {
        // κ_w = 1 - Σ(i-j)²·observed / Σ(i-j)²·expected (the weight scale 1/(k-1)² cancels).
        // Observed: four items off by one → Σ(j - h)² = 4.
        // Expected count for (h, j) = n_h·n_j/10 with n_h = 2 for every h, so Σ = 0.2 · Σ_j n_j · S_j, where
        // S_j = Σ_h (h - j)² = 30, 15, 10, 15, 30 for j = 1..5 and n_j = 1, 2, 2, 4, 1:
        // 0.2 · (30 + 30 + 20 + 60 + 30) = 0.2 · 170 = 34. κ_w = 1 - 4/34 = 15/17 = 0.882353.
        // (sklearn's cohen_kappa_score(human, judge, weights="quadratic") gives the same: all five labels occur.)
        Assert.Equal(15.0 / 17, Agreement.CohenKappa(Judge, Human, KappaWeighting.Quadratic), 12);
    }

    [Fact]
    public void CohenKappa_LinearWeighted_HandComputed()
    {
        // Observed Σ|j - h| = 4. L_j = Σ_h |h - j| = 10, 7, 6, 7, 10 → expected 0.2 · (10 + 14 + 12 + 28 + 10) = 14.8.
        // κ_w = 1 - 4/14.8 = 27/37 = 0.729730.
        Assert.Equal(27.0 / 37, Agreement.CohenKappa(Judge, Human, KappaWeighting.Linear), 12);
    }

    [Fact]
    public void CohenKappa_PerfectAgreement_IsOne_AndConstantLabels_AreUndefined()
    {
        Assert.Equal(1, Agreement.CohenKappa(Human, Human, KappaWeighting.Quadratic), 12);
        Assert.True(double.IsNaN(Agreement.CohenKappa([4, 4, 4], [4, 4, 4])));
    }

    [Fact]
    public void Summarize_BundlesEveryMeasure()
    {
        var summary = Agreement.Summarize(Judge, Human);

        Assert.Equal(10, summary.N);
        Assert.Equal(0.6, summary.ExactAgreement, 12);
        Assert.Equal(1.0, summary.WithinOneAgreement, 12);
        Assert.Equal(0.5, summary.Kappa, 12);
        Assert.Equal(27.0 / 37, summary.LinearWeightedKappa, 12);
        Assert.Equal(15.0 / 17, summary.QuadraticWeightedKappa, 12);

        // Judge − human: +1 (item 3), +1 (item 7), −1 (item 9), +1 (item 10) → +2/10: slightly lenient.
        Assert.Equal(0.2, summary.MeanSignedDifference, 12);

        // Spearman of the average ranks (hand-checked with the Pearson formula on mid-ranks) = 0.920358.
        Assert.Equal(0.920358, summary.Spearman, 6);

        Assert.InRange(summary.QuadraticWeightedKappa, summary.QuadraticKappaLow, summary.QuadraticKappaHigh);
        Assert.True(summary.QuadraticKappaHigh <= 1);
        Assert.False(summary.MeetsCalibration()); // only 10 labels
    }

    [Fact]
    public void ConfusionMatrix_RowsHumanColumnsJudge()
    {
        var matrix = Agreement.ConfusionMatrix(Judge, Human);

        Assert.Equal(5, matrix.Length);
        Assert.Equal(10, matrix.Sum(row => row.Sum()));
        Assert.Equal(1, matrix[2][3]); // human 3, judge 4
        Assert.Equal(1, matrix[4][3]); // human 5, judge 4
        Assert.Equal(1, matrix[4][4]);
        Assert.Equal(2, matrix[3][3]);
    }

    [Fact]
    public void QuadraticKappaInterval_IsSeededAndShrinksWithN()
    {
        var small = Agreement.QuadraticKappaInterval(Judge, Human);
        var again = Agreement.QuadraticKappaInterval(Judge, Human);
        int[] judge40 = [.. Judge, .. Judge, .. Judge, .. Judge];
        int[] human40 = [.. Human, .. Human, .. Human, .. Human];
        var large = Agreement.QuadraticKappaInterval(judge40, human40);

        Assert.Equal(small, again);
        Assert.True(large.High - large.Low < small.High - small.Low);
    }

    [Fact]
    public void MeetsCalibration_EnoughLabelsAndKappa()
    {
        int[] judge40 = [.. Judge, .. Judge, .. Judge, .. Judge];
        int[] human40 = [.. Human, .. Human, .. Human, .. Human];

        var summary = Agreement.Summarize(judge40, human40);

        Assert.True(summary.MeetsCalibration(minimumKappa: 0.6, minimumLabels: 30));
        Assert.False(summary.MeetsCalibration(minimumKappa: 0.9, minimumLabels: 30));
    }

    [Fact]
    public void Summarize_LabelOutOfScale_ThrowsNamingTheItem()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Agreement.Summarize([1, 6], [1, 2]));

        Assert.Contains("'judge'[1] is 6", error.Message);
        Assert.Contains("from 1 to 5", error.Message);
    }

    [Fact]
    public void Summarize_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => Agreement.Summarize([1, 2, 3], [1, 2]));
    }
}
