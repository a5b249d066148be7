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
        if (!JudgeReply.TryOpenArray(raw, "claims", out var doc, out var list, out problem))
        {
            return false;
        }

        using (doc)
        {
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
}
