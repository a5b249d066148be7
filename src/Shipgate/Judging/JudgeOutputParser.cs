using System.Text.Json;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// Strict reading of a judge's reply: one JSON object with every criterion exactly once, an integer score 1-5 and a
/// reason string. Anything else is a problem the judge is told about (one repair), never a guessed score.
/// </summary>
internal static class JudgeOutputParser
{
    public static bool TryParse(string raw, IReadOnlyList<RubricCriterion> criteria, out IReadOnlyList<CriterionScore> scores, out string problem)
    {
        scores = [];
        problem = "";
        if (!JudgeReply.TryOpenArray(raw, "criteria", out var doc, out var list, out problem))
        {
            return false;
        }

        using (doc)
        {
            var found = new Dictionary<string, CriterionScore>(StringComparer.Ordinal);
            foreach (var item in list.EnumerateArray())
            {
                if (!TryReadItem(item, criteria, found, out var score, out problem))
                {
                    return false;
                }

                found[score.Criterion] = score;
            }

            var missing = criteria.Where(c => !found.ContainsKey(c.Id)).Select(c => c.Id).ToList();
            if (missing.Count > 0)
            {
                problem = $"criteria missing from the reply: {string.Join(", ", missing)}";
                return false;
            }

            scores = [.. criteria.Select(c => found[c.Id])];
            return true;
        }
    }

    private static bool TryReadItem(JsonElement item, IReadOnlyList<RubricCriterion> criteria, Dictionary<string, CriterionScore> found, out CriterionScore score, out string problem)
    {
        score = null!;
        problem = "";
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var idEl) || idEl.ValueKind != JsonValueKind.String)
        {
            problem = "every entry of \"criteria\" must be an object with a string \"id\"";
            return false;
        }

        var id = idEl.GetString()!;
        var criterion = criteria.FirstOrDefault(c => c.Id == id);
        if (criterion is null)
        {
            problem = $"unknown criterion \"{id}\" (the rubric has {string.Join(", ", criteria.Select(c => c.Id))})";
            return false;
        }

        if (found.ContainsKey(id))
        {
            problem = $"criterion \"{id}\" appears more than once";
            return false;
        }

        if (!item.TryGetProperty("score", out var scoreEl) || scoreEl.ValueKind != JsonValueKind.Number || !scoreEl.TryGetInt32(out var value))
        {
            problem = $"the score of \"{id}\" must be an integer from 1 to 5, got {(item.TryGetProperty("score", out var s) ? s.GetRawText() : "none")}";
            return false;
        }

        if (value is < 1 or > 5)
        {
            problem = $"the score of \"{id}\" is {value}, outside 1-5";
            return false;
        }

        if (!item.TryGetProperty("reason", out var reasonEl) || reasonEl.ValueKind != JsonValueKind.String)
        {
            problem = $"the reason of \"{id}\" must be a string";
            return false;
        }

        score = new CriterionScore(id, value, reasonEl.GetString()!, criterion.Safety);
        return true;
    }
}
