using System.Globalization;

namespace Shipgate.Providers;

/// <summary>
/// Candidate options of <c>local:extractive</c>, so one feature can hold offline variants that really differ:
/// <c>min_score</c> (-1..1, default 0.2), <c>passages</c> (answer with the top N passages; default: the best one, plus
/// the runner-up when it is within the tie margin), <c>max_sentences</c> (keep the first N sentences) and
/// <c>best_sentences</c> (re-rank the sentences of the chosen passages against the question and keep the N closest,
/// in reading order; costs one more embedding call per answer).
/// </summary>
internal sealed record ExtractiveOptions
{
    public float MinScore { get; init; } = ExtractiveChatClient.DefaultMinScore;
    public int? Passages { get; init; }
    public int? MaxSentences { get; init; }
    public int? BestSentences { get; init; }

    public static ExtractiveOptions Parse(IReadOnlyDictionary<string, string> options, Func<string, Exception> error)
    {
        var result = new ExtractiveOptions();
        if (options.TryGetValue("min_score", out var raw))
        {
            result = float.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= -1 and <= 1
                ? result with { MinScore = v }
                : throw error($"options.min_score '{raw}' must be a number between -1 and 1");
        }

        return result with
        {
            Passages = Count(options, "passages", error),
            MaxSentences = Count(options, "max_sentences", error),
            BestSentences = Count(options, "best_sentences", error),
        };
    }

    private static int? Count(IReadOnlyDictionary<string, string> options, string key, Func<string, Exception> error)
    {
        if (!options.TryGetValue(key, out var raw))
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 50
            ? n
            : throw error($"options.{key} '{raw}' must be a whole number from 1 to 50");
    }
}
