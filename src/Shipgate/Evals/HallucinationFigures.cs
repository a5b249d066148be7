using System.Globalization;
using Shipgate.Judging;
using Shipgate.Runs;
using Shipgate.Statistics;

namespace Shipgate.Evals;

/// <summary>
/// A candidate's hallucination rate from its <c>grounded</c> outcomes: a result is checked when it has a conclusive
/// grounded verdict, and hallucinated when any of them failed. Wilson 95% interval; with none hallucinated, the exact
/// one-sided 95% upper bound as well (a clean run of 50 says "≤ 5.8%", not "0%").
/// </summary>
internal sealed record HallucinationFigures(int Checked, int Hallucinated, int Inconclusive, Interval Ci, double? ZeroUpperBound, bool Approximate)
{
    public double Rate => Checked == 0 ? 0 : (double)Hallucinated / Checked;

    public static HallucinationFigures Of(IReadOnlyList<ResultRecord> results)
    {
        var grounded = results.Select(r => r.Assertions.Where(a => a.Type == Specs.AssertionTypes.Grounded).ToList()).Where(g => g.Count > 0).ToList();
        var checkedResults = grounded.Where(g => g.Any(GroundedAssertion.IsChecked)).ToList();
        var hallucinated = checkedResults.Count(g => g.Any(GroundedAssertion.IsHallucination));
        var inconclusive = grounded.Count(g => !g.Any(GroundedAssertion.IsChecked));
        var (low, high) = Proportion.Wilson(hallucinated, checkedResults.Count);
        return new HallucinationFigures(
            checkedResults.Count,
            hallucinated,
            inconclusive,
            checkedResults.Count == 0 ? default : new Interval(low, high),
            checkedResults.Count > 0 && hallucinated == 0 ? BinomialBounds.ZeroFailureUpperBound(checkedResults.Count) : null,
            grounded.SelectMany(g => g).Any(a => a.Judge?.ReferenceBased == true));
    }

    /// <summary>"hallucination rate 4.2% [1.5%, 11.0%] (3 of 71; approximate, embedding-based)"; null when nothing was checked.</summary>
    public static string? Describe(CandidateSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.GroundednessChecked == 0)
        {
            return s.GroundednessInconclusive > 0 ? $"hallucination rate unknown ({s.GroundednessInconclusive} groundedness verdicts inconclusive)" : null;
        }

        var notes = new List<string> { $"{s.Hallucinated} of {s.GroundednessChecked}" };
        if (s.HallucinationUpperBound is { } bound)
        {
            notes.Add($"≤ {P(bound)} at 95%");
        }

        if (s.GroundednessInconclusive > 0)
        {
            notes.Add($"{s.GroundednessInconclusive} inconclusive, not counted");
        }

        if (s.GroundednessApproximate)
        {
            notes.Add(ReferenceGroundednessJudge.Label);
        }

        return $"hallucination rate {P(s.HallucinationRate)} [{P(s.HallucinationRateCi.Low)}, {P(s.HallucinationRateCi.High)}] ({string.Join("; ", notes)})";
    }

    private static string P(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
