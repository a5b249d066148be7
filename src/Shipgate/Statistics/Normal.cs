namespace Shipgate.Statistics;

/// <summary>The standard normal distribution: the approximation behind power estimates and large-n rank tests.</summary>
public static class Normal
{
    private const double SqrtPi = 1.7724538509055160273;
    private const double Sqrt2 = 1.4142135623730950488;

    /// <summary>
    /// Φ(x) = P(Z ≤ x), through the complementary error function, accurate to about 1e-14 so tail p-values
    /// keep their digits (1 - Φ(x) is never formed by subtraction for large x).
    /// </summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        // Φ(x) = erfc(-x/√2) / 2.
        return 0.5 * Erfc(-x / Sqrt2);
    }

    /// <summary>
    /// Φ⁻¹(p), the quantile: Acklam's rational approximation (relative error 1.15e-9) polished by one Halley step
    /// against <see cref="Cdf"/>, which brings it to near machine precision. z for 97.5% is 1.959963984540054.
    /// </summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A normal quantile needs a probability between 0 and 1.");
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        var x = AcklamQuantile(p);

        // Halley refinement: e = Φ(x) - p, u = e·√(2π)·exp(x²/2), x ← x - u / (1 + x·u/2).
        // Beyond about 1e-300 exp(x²/2) overflows; Acklam's 1e-9 is kept there.
        var e = Cdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        var refined = x - (u / (1 + (x * u / 2)));
        return double.IsFinite(refined) ? refined : x;
    }

    /// <summary>
    /// erfc(x): a positive-term series for erf below 2.5 (no cancellation), Lentz's continued fraction above
    /// (which converges fast there and keeps tail precision); reflection for negative x.
    /// </summary>
    internal static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x > 27)
        {
            return 0; // erfc(27) < 1e-318: below the smallest double
        }

        if (x < 2.5)
        {
            // erf(x) = (2/√π) e^{-x²} Σ 2ⁿ x^{2n+1} / (1·3·5···(2n+1)).
            var term = x;
            var sum = x;
            var x2 = x * x;
            for (var n = 1; n < 200; n++)
            {
                term *= 2 * x2 / ((2 * n) + 1);
                sum += term;
                if (term < sum * 1e-17)
                {
                    break;
                }
            }

            return 1 - (2 / SqrtPi * Math.Exp(-x2) * sum);
        }

        // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), modified Lentz.
        const double tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var k = 1; k < 500; k++)
        {
            var a = k / 2.0;
            d = x + (a * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + (a / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / SqrtPi / f;
    }

    private static double AcklamQuantile(double p)
    {
        // Coefficients of Peter J. Acklam's algorithm for the inverse normal CDF.
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;

        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Horner(c, q) / ((Horner(d, q) * q) + 1);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Horner(c, q) / ((Horner(d, q) * q) + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return Horner(a, s) * r / ((Horner(b, s) * s) + 1);
    }

    /// <summary>Evaluates c[0]·xⁿ + c[1]·xⁿ⁻¹ + ... + c[n].</summary>
    private static double Horner(ReadOnlySpan<double> coefficients, double x)
    {
        var result = 0.0;
        foreach (var coefficient in coefficients)
        {
            result = (result * x) + coefficient;
        }

        return result;
    }
}
