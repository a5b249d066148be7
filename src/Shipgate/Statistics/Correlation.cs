namespace Shipgate.Statistics;

/// <summary>Correlation between two sets of paired values, e.g. judge scores against human scores.</summary>
public static class Correlation
{
    /// <summary>Pearson product-moment correlation; NaN when either side is constant (correlation is undefined then).</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Inputs.RequireSameLength(x, y, nameof(x), nameof(y));
        Inputs.RequireFinite(x, nameof(x));
        Inputs.RequireFinite(y, nameof(y));
        if (x.Count < 2)
        {
            return double.NaN;
        }

        var mx = Descriptive.Mean(x);
        var my = Descriptive.Mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>
    /// Spearman's rank correlation ρ: Pearson's correlation of the average ranks (ties share the mean rank), which
    /// measures whether the judge orders outputs as people do, regardless of scale. Equals 1 - 6Σd²/(n(n² - 1)) when
    /// there are no ties. NaN when either side is constant.
    /// </summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Inputs.RequireSameLength(x, y, nameof(x), nameof(y));
        Inputs.RequireFinite(x, nameof(x));
        Inputs.RequireFinite(y, nameof(y));
        return Pearson(Ranks.Average(x), Ranks.Average(y));
    }
}
