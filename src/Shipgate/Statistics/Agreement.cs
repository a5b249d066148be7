namespace Shipgate.Statistics;

/// <summary>
/// Agreement between a judge and people on ordinal labels (1-5 scores by default): the numbers that say whether an
/// LLM judge can stand in for human review. Both lists hold one label per item, in the same order.
/// </summary>
public static class Agreement
{
    /// <summary>
    /// Every agreement measure in one pass, for one criterion; the quadratic kappa gets a percentile bootstrap
    /// interval over items (seeded, reproducible; resamples where kappa is undefined are skipped).
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label lies outside minLabel..maxLabel.</exception>
    public static AgreementSummary Summarize(
        IReadOnlyList<int> judge,
        IReadOnlyList<int> human,
        int minLabel = 1,
        int maxLabel = 5,
        double confidence = 0.95,
        int resamples = Bootstrap.DefaultResamples,
        int seed = Bootstrap.DefaultSeed)
    {
        BinomialBounds.ValidateConfidence(confidence);
        var table = ConfusionMatrix(judge, human, minLabel, maxLabel);
        var (low, high) = QuadraticKappaInterval(judge, human, minLabel, maxLabel, confidence, resamples, seed);
        return new AgreementSummary(
            judge.Count,
            minLabel,
            maxLabel,
            ExactAgreement(judge, human),
            WithinOneAgreement(judge, human),
            CohenKappa(table, KappaWeighting.None),
            CohenKappa(table, KappaWeighting.Linear),
            CohenKappa(table, KappaWeighting.Quadratic),
            low,
            high,
            confidence,
            judge.Count == 0 ? double.NaN : Correlation.Spearman(ToDoubles(judge), ToDoubles(human)),
            MeanSignedDifference(judge, human),
            table);
    }

    /// <summary>Share of items where judge and human gave the same label (raw percent agreement, not chance-corrected). NaN for no items.</summary>
    public static double ExactAgreement(IReadOnlyList<int> judge, IReadOnlyList<int> human) => Share(judge, human, (j, h) => j == h);

    /// <summary>Share of items where the labels differ by at most one point: a lenient check that ordinal scales often warrant. NaN for no items.</summary>
    public static double WithinOneAgreement(IReadOnlyList<int> judge, IReadOnlyList<int> human) => Share(judge, human, (j, h) => Math.Abs(j - h) <= 1);

    /// <summary>Mean of judge - human: the judge's leniency (positive) or severity (negative) in scale points. NaN for no items.</summary>
    public static double MeanSignedDifference(IReadOnlyList<int> judge, IReadOnlyList<int> human)
    {
        Inputs.RequireSameLength(judge, human, nameof(judge), nameof(human));
        if (judge.Count == 0)
        {
            return double.NaN;
        }

        long sum = 0;
        for (var i = 0; i < judge.Count; i++)
        {
            sum += judge[i] - human[i];
        }

        return (double)sum / judge.Count;
    }

    /// <summary>
    /// Contingency table of the labels: [h][j] counts items people labelled minLabel + h and the judge minLabel + j
    /// (rows human, columns judge; 5×5 for a 1-5 scale).
    /// </summary>
    public static int[][] ConfusionMatrix(IReadOnlyList<int> judge, IReadOnlyList<int> human, int minLabel = 1, int maxLabel = 5)
    {
        Inputs.RequireSameLength(judge, human, nameof(judge), nameof(human));
        if (maxLabel <= minLabel)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLabel), maxLabel, $"The label scale needs at least two levels; maxLabel must exceed minLabel ({minLabel}).");
        }

        var k = maxLabel - minLabel + 1;
        var table = new int[k][];
        for (var i = 0; i < k; i++)
        {
            table[i] = new int[k];
        }

        for (var i = 0; i < judge.Count; i++)
        {
            RequireLabel(judge[i], minLabel, maxLabel, nameof(judge), i);
            RequireLabel(human[i], minLabel, maxLabel, nameof(human), i);
            table[human[i] - minLabel][judge[i] - minLabel]++;
        }

        return table;
    }

    /// <summary>Cohen's kappa of two label lists on the scale minLabel..maxLabel; see <see cref="CohenKappa(int[][], KappaWeighting)"/>.</summary>
    public static double CohenKappa(IReadOnlyList<int> judge, IReadOnlyList<int> human, KappaWeighting weighting = KappaWeighting.None, int minLabel = 1, int maxLabel = 5) =>
        CohenKappa(ConfusionMatrix(judge, human, minLabel, maxLabel), weighting);

    /// <summary>
    /// Cohen's kappa from a square k×k agreement table (Cohen, 1960; weighted: Cohen, 1968):
    /// κ = (pₒ - pₑ) / (1 - pₑ), where pₒ is the (weighted) observed agreement and pₑ the agreement expected by chance
    /// from the row and column totals. Classic 2×2 example [[20, 5], [10, 15]]: pₒ = 0.70, pₑ = 0.50, κ = 0.40.
    /// Weights use the distance between category positions, so a k-level table is treated as an evenly spaced scale.
    /// NaN when pₑ = 1 (both raters used a single label, kappa is undefined) or the table is empty.
    /// </summary>
    public static double CohenKappa(int[][] table, KappaWeighting weighting = KappaWeighting.None)
    {
        var k = table.Length;
        if (k < 2 || table.Any(row => row.Length != k))
        {
            throw new ArgumentException($"An agreement table must be square with at least two categories; got {k} rows of lengths {string.Join(", ", table.Select(r => r.Length))}.", nameof(table));
        }

        var rows = new double[k];
        var columns = new double[k];
        double total = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                if (table[i][j] < 0)
                {
                    throw new ArgumentException($"Agreement table cell [{i}][{j}] is {table[i][j]}; counts cannot be negative.", nameof(table));
                }

                rows[i] += table[i][j];
                columns[j] += table[i][j];
                total += table[i][j];
            }
        }

        if (total == 0)
        {
            return double.NaN;
        }

        double observed = 0, expected = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var w = Weight(i, j, k, weighting);
                observed += w * table[i][j] / total;
                expected += w * rows[i] * columns[j] / (total * total);
            }
        }

        // Allow for rounding: pe within 1e-12 of 1 means chance already explains all agreement.
        return 1 - expected < 1e-12 ? double.NaN : (observed - expected) / (1 - expected);
    }

    /// <summary>
    /// Percentile bootstrap interval for the quadratic-weighted kappa, resampling items with replacement (seeded).
    /// Resamples where kappa is undefined are skipped; (NaN, NaN) when fewer than two items or no resample is defined.
    /// </summary>
    public static (double Low, double High) QuadraticKappaInterval(
        IReadOnlyList<int> judge,
        IReadOnlyList<int> human,
        int minLabel = 1,
        int maxLabel = 5,
        double confidence = 0.95,
        int resamples = Bootstrap.DefaultResamples,
        int seed = Bootstrap.DefaultSeed)
    {
        BinomialBounds.ValidateConfidence(confidence);
        ConfusionMatrix(judge, human, minLabel, maxLabel); // validates lengths and labels
        var n = judge.Count;
        if (n < 2)
        {
            return (double.NaN, double.NaN);
        }

        var k = maxLabel - minLabel + 1;
        var table = new int[k][];
        for (var i = 0; i < k; i++)
        {
            table[i] = new int[k];
        }

        var random = new SeededRandom((ulong)seed);
        var kappas = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            foreach (var row in table)
            {
                Array.Clear(row);
            }

            for (var i = 0; i < n; i++)
            {
                var pick = random.Next(n);
                table[human[pick] - minLabel][judge[pick] - minLabel]++;
            }

            var kappa = CohenKappa(table, KappaWeighting.Quadratic);
            if (!double.IsNaN(kappa))
            {
                kappas.Add(kappa);
            }
        }

        if (kappas.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        kappas.Sort();
        var alpha = (1 - confidence) / 2;
        return (Quantiles.Sorted(kappas, alpha), Quantiles.Sorted(kappas, 1 - alpha));
    }

    private static double Weight(int i, int j, int k, KappaWeighting weighting) => weighting switch
    {
        KappaWeighting.None => i == j ? 1 : 0,
        KappaWeighting.Linear => 1 - ((double)Math.Abs(i - j) / (k - 1)),
        KappaWeighting.Quadratic => 1 - ((double)(i - j) * (i - j) / ((double)(k - 1) * (k - 1))),
        _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "Use None, Linear or Quadratic."),
    };

    private static double Share(IReadOnlyList<int> judge, IReadOnlyList<int> human, Func<int, int, bool> agrees)
    {
        Inputs.RequireSameLength(judge, human, nameof(judge), nameof(human));
        if (judge.Count == 0)
        {
            return double.NaN;
        }

        var count = 0;
        for (var i = 0; i < judge.Count; i++)
        {
            if (agrees(judge[i], human[i]))
            {
                count++;
            }
        }

        return (double)count / judge.Count;
    }

    private static void RequireLabel(int label, int minLabel, int maxLabel, string name, int index)
    {
        if (label < minLabel || label > maxLabel)
        {
            throw new ArgumentOutOfRangeException(name, label, $"'{name}'[{index}] is {label}; labels must be whole scores from {minLabel} to {maxLabel}.");
        }
    }

    private static double[] ToDoubles(IReadOnlyList<int> labels) => labels.Select(l => (double)l).ToArray();
}
