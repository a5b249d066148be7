namespace Shipgate.Statistics;

/// <summary>
/// How one case's score moved across repeated runs: <see cref="Index"/> is the case's position in the input,
/// <see cref="Variance"/> and <see cref="StandardDeviation"/> are sample statistics (n - 1), NaN with fewer than two repeats.
/// </summary>
public sealed record CaseSpread(int Index, int Repeats, double Mean, double Variance, double StandardDeviation, double Min, double Max);
