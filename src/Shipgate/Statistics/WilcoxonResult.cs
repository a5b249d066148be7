namespace Shipgate.Statistics;

/// <summary>
/// Outcome of a Wilcoxon signed-rank test on paired cases (differences b - a). <see cref="WPlus"/> sums the ranks of
/// positive differences (B higher), <see cref="WMinus"/> of negative ones; <see cref="Statistic"/> is the textbook T,
/// the smaller of the two. <see cref="N"/> counts non-zero differences used; <see cref="ZerosDropped"/> the rest.
/// <see cref="Exact"/> tells whether the p-value is exact (N ≤ 25) or a normal approximation with tie and continuity
/// correction, whose z is in <see cref="Z"/> (NaN when exact).
/// </summary>
public sealed record WilcoxonResult(double WPlus, double WMinus, int N, int ZerosDropped, double PValue, bool Exact, double Z)
{
    public double Statistic => Math.Min(WPlus, WMinus);
}
