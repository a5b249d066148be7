namespace Shipgate.Tests.Statistics;

/// <summary>60 paired 1-5 scores where B is about one point better than A, with noise: some ties, some losses.</summary>
internal static class PlantedShift
{
    public static (double[] A, double[] B) Scores()
    {
        var a = new double[60];
        var b = new double[60];
        for (var i = 0; i < 60; i++)
        {
            a[i] = 1 + ((i * 7) % 4); // 1..4
            var noise = (i % 10) switch
            {
                0 or 5 => -1, // no gain on this case
                3 => -2, // B loses a point
                1 or 7 => 1, // B gains two
                _ => 0,
            };
            b[i] = Math.Clamp(a[i] + 1 + noise, 1, 5);
        }

        return (a, b);
    }
}
