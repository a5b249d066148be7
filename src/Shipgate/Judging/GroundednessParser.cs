using System.Text.Json;

namespace Shipgate.Judging;

/// <summary>
/// Strict reading of a groundedness reply: one JSON object with a "claims" array; each entry has a non-empty string
/// claim, a verdict of supported / contradicted / not_found and a string evidence. Anything else is a problem the judge
/// is told about (one repair), never a guessed verdict.
/// </summary>
internal static class GroundednessParser
{
    public static bool TryParse(string raw, out IReadOnlyList<GroundedClaim> claims, out string problem)
    {
        claims = [];
        problem = "";
        var text = StripFence(raw.Trim());
        if (text.Length == 0)
        {
            problem = "the reply was empty";
            return false;
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            problem = $"the reply is not valid JSON ({ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.', ' ')})";
            return false;
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("claims", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problem = "the reply must be an object with a \"claims\" array";
                return false;
            }

            var result = new List<GroundedClaim>();
            var n = 0;
            foreach (var item in list.EnumerateArray())
            {
                n++;
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("claim", out var claimEl) || claimEl.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(claimEl.GetString()))
                {
                    problem = $"claim {n} must be an object with a non-empty string \"claim\"";
                    return false;
                }

                if (!item.TryGetProperty("verdict", out var verdictEl) || verdictEl.ValueKind != JsonValueKind.String || Verdict(verdictEl.GetString()!) is not { } verdict)
                {
                    problem = $"the verdict of claim {n} must be \"supported\", \"contradicted\" or \"not_found\", got {(item.TryGetProperty("verdict", out var v) ? v.GetRawText() : "none")}";
                    return false;
                }

                if (!item.TryGetProperty("evidence", out var evidenceEl) || evidenceEl.ValueKind != JsonValueKind.String)
                {
                    problem = $"the evidence of claim {n} must be a string";
                    return false;
                }

                result.Add(new GroundedClaim(claimEl.GetString()!.Trim(), verdict, evidenceEl.GetString()!));
            }

            claims = result;
            return true;
        }
    }

    private static ClaimVerdict? Verdict(string text) => text switch
    {
        "supported" => ClaimVerdict.Supported,
        "contradicted" => ClaimVerdict.Contradicted,
        "not_found" => ClaimVerdict.NotFound,
        _ => null,
    };

    private static string StripFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? text : text[(firstLineEnd + 1)..^3].Trim();
    }
}
