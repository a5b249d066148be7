namespace Shipgate.Statistics;

/// <summary>Binomial probabilities, summed in log space so suites of any size neither overflow nor underflow.</summary>
internal static class Binomial
{
    /// <summary>P(X ≤ k) for X ~ Binomial(n, p), by the pmf recurrence p(k+1) = p(k)·(n-k)/(k+1)·p/(1-p).</summary>
    public static double Cdf(int k, int n, double p)
    {
        if (k < 0)
        {
            return 0;
        }

        if (k >= n)
        {
            return 1;
        }

        if (p <= 0)
        {
            return 1;
        }

        if (p >= 1)
        {
            return 0;
        }

        var logOdds = Math.Log(p) - Log1P(-p);
        var logPmf = n * Log1P(-p);
        var sum = Math.Exp(logPmf);
        for (var i = 0; i < k; i++)
        {
            logPmf += Math.Log((double)(n - i) / (i + 1)) + logOdds;
            sum += Math.Exp(logPmf);
        }

        return Math.Min(1, sum);
    }

    /// <summary>P(X ≥ k), as P(n - X ≤ n - k) with the roles of success and failure swapped (no 1 - CDF cancellation).</summary>
    public static double UpperTail(int k, int n, double p) => Cdf(n - k, n, 1 - p);

    /// <summary>ln(1 + x) without losing the digits of a small x (a short series below 1e-4, where it is exact to double precision).</summary>
    internal static double Log1P(double x) => Math.Abs(x) < 1e-4 ? x * (1 - (x * (0.5 - (x / 3)))) : Math.Log(1 + x);
}
