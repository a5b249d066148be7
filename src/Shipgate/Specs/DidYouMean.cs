namespace Shipgate.Specs;

/// <summary>Suggests the closest allowed word for a misspelt key or type (optimal string alignment distance).</summary>
internal static class DidYouMean
{
    public static string? Suggest(string written, IEnumerable<string> options)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var w = written.ToLowerInvariant();
        foreach (var option in options)
        {
            var o = option.ToLowerInvariant();
            var d = Distance(w, o);
            var limit = Math.Max(2, Math.Max(w.Length, o.Length) / 3);
            var close = d <= limit || (w.Length >= 3 && (o.StartsWith(w, StringComparison.Ordinal) || w.StartsWith(o, StringComparison.Ordinal)));
            if (close && d < bestDistance)
            {
                best = option;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>"did you mean 'x'?" or, with no close match, the allowed words.</summary>
    public static string Hint(string written, IReadOnlyCollection<string> options, string noun = "allowed")
    {
        var s = Suggest(written, options);
        return s is not null ? $"did you mean '{s}'?" : $"{noun}: {string.Join(", ", options)}";
    }

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
