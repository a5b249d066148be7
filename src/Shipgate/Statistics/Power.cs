namespace Shipgate.Statistics;

/// <summary>
/// Power for a paired design (two runs on the same cases), by the normal approximation to the paired test:
/// a true mean difference δ is detected with probability <c>power</c> when δ ≥ (z₁₋α/₂ + z_power)·sd/√n, where sd is
/// the standard deviation of the per-case differences. The approximation ignores the t-distribution's heavier tails,
/// so for n below about 30 the real minimum detectable difference is somewhat larger (about 5% at n = 20).
/// </summary>
public static class Power
{
    /// <summary>
    /// Minimum detectable difference (MDE): the smallest true mean difference a suite of <paramref name="n"/> paired
    /// cases detects with probability <paramref name="power"/> at two-sided <paramref name="alpha"/>.
    /// With alpha 0.05 and power 0.8 the multiplier is 1.95996 + 0.84162 = 2.80158.
    /// </summary>
    public static double MinimumDetectableDifference(int n, double sdOfDifferences, double alpha = 0.05, double power = 0.8)
    {
        Validate(sdOfDifferences, alpha, power);
        if (n <= 0)
        {
            return double.PositiveInfinity;
        }

        return Multiplier(alpha, power) * sdOfDifferences / Math.Sqrt(n);
    }

    /// <summary>
    /// Paired cases needed to detect a true mean difference of <paramref name="difference"/>:
    /// n = ⌈((z₁₋α/₂ + z_power)·sd / δ)²⌉, at least 2.
    /// </summary>
    public static int RequiredSampleSize(double difference, double sdOfDifferences, double alpha = 0.05, double power = 0.8)
    {
        Validate(sdOfDifferences, alpha, power);
        if (!(Math.Abs(difference) > 0) || !double.IsFinite(difference))
        {
            throw new ArgumentOutOfRangeException(nameof(difference), difference, "The difference to detect must be a non-zero finite number, e.g. 0.3 points.");
        }

        var n = Math.Pow(Multiplier(alpha, power) * sdOfDifferences / Math.Abs(difference), 2);
        return (int)Math.Max(2, Math.Ceiling(n - 1e-9));
    }

    /// <summary>
    /// Probability of detecting a true mean difference <paramref name="difference"/> with <paramref name="n"/> paired
    /// cases: Φ(|δ|·√n/sd - z₁₋α/₂) (the far rejection tail is ignored, as is usual).
    /// </summary>
    public static double Achieved(int n, double sdOfDifferences, double difference, double alpha = 0.05)
    {
        Validate(sdOfDifferences, alpha, 0.5);
        if (n <= 0)
        {
            return 0;
        }

        if (sdOfDifferences == 0)
        {
            return difference == 0 ? alpha : 1;
        }

        return Normal.Cdf((Math.Abs(difference) * Math.Sqrt(n) / sdOfDifferences) - Normal.Quantile(1 - (alpha / 2)));
    }

    private static double Multiplier(double alpha, double power) => Normal.Quantile(1 - (alpha / 2)) + Normal.Quantile(power);

    private static void Validate(double sdOfDifferences, double alpha, double power)
    {
        if (!double.IsFinite(sdOfDifferences) || sdOfDifferences < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sdOfDifferences), sdOfDifferences, "The standard deviation of the paired differences must be a finite number ≥ 0.");
        }

        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be strictly between 0 and 1, e.g. 0.05.");
        }

        if (!(power > 0 && power < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "Power must be strictly between 0 and 1, e.g. 0.8.");
        }
    }
}
