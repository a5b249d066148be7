namespace Shipgate.Statistics;

/// <summary>Plain summary statistics, shared so every report computes mean and spread the same way.</summary>
public static class Descriptive
{
    /// <summary>Arithmetic mean; NaN for no values.</summary>
    public static double Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
        }

        return sum / values.Count;
    }

    /// <summary>
    /// Sample variance with Bessel's correction (divide by n - 1), the unbiased estimate from a sample; two-pass
    /// (mean first) for numerical stability. NaN for fewer than two values: one value says nothing about spread.
    /// </summary>
    public static double Variance(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        double sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var d = values[i] - mean;
            sum += d * d;
        }

        return sum / (values.Count - 1);
    }

    /// <summary>Sample standard deviation, √<see cref="Variance"/>.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values) => Math.Sqrt(Variance(values));
}
