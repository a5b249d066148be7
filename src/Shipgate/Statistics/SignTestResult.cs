namespace Shipgate.Statistics;

/// <summary>
/// Outcome of an exact sign test on paired cases. Differences are b - a, so <see cref="Positive"/> counts cases
/// where B scored higher. <see cref="N"/> = Positive + Negative (ties are dropped).
/// </summary>
public sealed record SignTestResult(int Positive, int Negative, int Ties, int N, double PValue);
