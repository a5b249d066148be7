namespace Shipgate.Judging;

/// <summary>
/// Checks the figures of a claim against its best-matching evidence (docs/judging.md, "Groundedness"): a quantity the
/// evidence states differently, or a negation one side has and the other lacks, contradicts it; a figure or an absolute
/// word (always, any, unlimited, ...) the evidence does not state leaves it not verified. Null when nothing disagrees.
/// </summary>
internal static class FactCheck
{
    /// <param name="claim">One sentence of the output.</param>
    /// <param name="sentence">The evidence sentence that matches the claim best (polarity is compared with it).</param>
    /// <param name="passage">The passage around that sentence (figures and absolute words are looked up in it).</param>
    public static GroundedClaim? Check(string claim, string sentence, string passage)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(passage);
        var evidence = FactFigures.Quantities(passage);
        var values = evidence.Select(q => q.Value).ToHashSet(StringComparer.Ordinal);
        string? unverified = null;
        foreach (var q in FactFigures.Quantities(claim))
        {
            if (evidence.Any(e => e.Value == q.Value && FactFigures.Compatible(e.Unit, q.Unit)))
            {
                continue;
            }

            var same = evidence.Where(e => q.Unit.Length > 0 && FactFigures.Compatible(e.Unit, q.Unit)).Select(e => e.Text).Distinct().ToList();
            if (same.Count > 0)
            {
                return new GroundedClaim(claim, ClaimVerdict.Contradicted, $"says \"{q.Text}\" where the evidence says \"{string.Join("\", \"", same.Take(3))}\" (\"{GroundedAssertion.Shorten(passage, 80)}\")");
            }

            // A bare number may stand anywhere in the evidence; a figure with a unit must appear with that unit.
            if (q.Unit.Length > 0 || !values.Contains(q.Value))
            {
                unverified ??= $"\"{q.Text}\" is not in the best-matching evidence (\"{GroundedAssertion.Shorten(passage, 80)}\")";
            }
        }

        if (FactFigures.PolarityConflict(claim, sentence) is { } conflict)
        {
            return new GroundedClaim(claim, ClaimVerdict.Contradicted, $"{conflict} (\"{GroundedAssertion.Shorten(sentence, 80)}\")");
        }

        var evidenceAbsolutes = FactFigures.Absolutes(passage);
        if (FactFigures.Absolutes(claim).FirstOrDefault(a => !evidenceAbsolutes.Contains(a)) is { } absolute)
        {
            unverified ??= $"\"{absolute}\" is not in the best-matching evidence (\"{GroundedAssertion.Shorten(passage, 80)}\")";
        }

        return unverified is null ? null : new GroundedClaim(claim, ClaimVerdict.NotFound, "not verified: " + unverified);
    }

    /// <summary>
    /// Figures of an output that contradict a reference answer: a figure of a kind the reference states (same unit) with a
    /// value the reference does not give, while the output gives none of the reference's values of that kind (the output
    /// may add figures; it may not replace the reference's); and a "Yes" against a "No". Descriptions, for the reason.
    /// </summary>
    public static IReadOnlyList<string> Contradictions(string output, string reference)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reference);
        var stated = FactFigures.Quantities(output).Where(q => q.Unit.Length > 0).ToList();
        var expected = FactFigures.Quantities(reference).Where(q => q.Unit.Length > 0).ToList();
        var found = new List<string>();
        foreach (var s in stated)
        {
            var kind = expected.Where(e => FactFigures.Compatible(e.Unit, s.Unit)).ToList();
            if (kind.Count > 0 && !kind.Any(e => e.Value == s.Value)
                && !kind.Any(e => stated.Any(o => o.Value == e.Value && FactFigures.Compatible(o.Unit, e.Unit))))
            {
                found.Add($"'{s.Text}' where the reference says '{string.Join("', '", kind.Select(e => e.Text).Distinct())}'");
            }
        }

        if (Polar(reference) is { } expectedAnswer && Polar(output) is { } answer && expectedAnswer != answer)
        {
            found.Add($"answers '{(answer ? "yes" : "no")}' where the reference answers '{(expectedAnswer ? "yes" : "no")}'");
        }

        return found;
    }

    /// <summary>True for a text opening with "Yes", false for "No", else null.</summary>
    private static bool? Polar(string text)
    {
        var t = text.TrimStart();
        return t.StartsWith("Yes", StringComparison.OrdinalIgnoreCase) && (t.Length == 3 || !char.IsLetter(t[3])) ? true
            : t.StartsWith("No", StringComparison.OrdinalIgnoreCase) && (t.Length == 2 || !char.IsLetter(t[2])) ? false
            : null;
    }
}
