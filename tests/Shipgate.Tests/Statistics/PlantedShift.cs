namespace Shipgate.Tests.Statistics;

/// <summary>
/// 60 paired 1-5 scores where B is one point better than A on average, with zero-mean noise: 14 ties, 4 losses,
/// some two- and three-point gains. Mean difference exactly 1.0.
/// </summary>
internal static class PlantedShift
{
    public static (double[] A, double[] B) Scores()
    {
        var a = new double[60];
        var b = new double[60];
        for (var i = 0; i < 60; i++)
        {
            a[i] = 1 + ((i * 7) % 3); // 1..3, so B's +1 (and noise) rarely hits the ceiling of 5
            var noise = (i % 10) switch
            {
                0 or 5 => -1,
                3 => -2,
                1 or 7 => 1,
                9 => 2,
                _ => 0,
            };
            b[i] = Math.Clamp(a[i] + 1 + noise, 1, 5);
        }

        return (a, b);
    }
}
