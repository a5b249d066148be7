using System.Globalization;

namespace Shipgate.Cost;

/// <summary>Number formatting shared by the cost analysis and its renderers (console, Markdown, HTML).</summary>
internal static class CostText
{
    /// <summary>Shown in a lever's saving and per-month columns when it does not apply (its detail says why).</summary>
    public const string NotApplicable = "n/a";

    public static string Tokens(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Stats(TokenStats s) => $"{Tokens(s.Mean)} / {Tokens(s.P50)} / {Tokens(s.P95)}";

    /// <summary>
    /// The one share format of every cost text: one decimal from 1% (12.5%, 80%), two significant digits below it
    /// (0.3%, 0.025%) so a tiny share never reads as 0.0%; trailing zeros dropped.
    /// </summary>
    public static string Share(decimal share)
    {
        var percent = share * 100m;
        var abs = Math.Abs(percent);
        if (abs == 0)
        {
            return "0%";
        }

        if (abs >= 1)
        {
            return Math.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        }

        // Below 1%: two significant digits (0.25 -> 2 decimals, 0.025 -> 3).
        var decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10((double)abs)), 1, 12);
        return Math.Round(percent, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture) + "%";
    }

    public static string Share(double share) => double.IsFinite(share) ? Share((decimal)share) : "—";

    public static string ShareRange(decimal low, decimal high) => low == high ? Share(low) : $"{Share(low)}-{Share(high)}";

    /// <summary>A lever's saving column: "n/a" when it does not apply, "(estimate)" when it is the framework's typical range.</summary>
    public static string Saving(CostLever l) =>
        l.NotApplicable is not null ? NotApplicable : ShareRange(l.ShareLow, l.ShareHigh) + (l.Estimated ? " (estimate)" : "");

    /// <summary>A lever's per-month column.</summary>
    public static string Monthly(CostLever l) => l.NotApplicable is not null ? NotApplicable : MoneyRange(l.MonthlyLow, l.MonthlyHigh);

    /// <summary>A lever's detail, led by why it does not apply when it does not.</summary>
    public static string Detail(CostLever l) => l.NotApplicable is { } why ? $"does not apply: {why}" + (l.Detail.Length > 0 ? $". {l.Detail}" : "") : l.Detail;

    public static string MoneyRange(decimal? low, decimal? high) =>
        low is null || high is null ? "—" : low == high ? MoneyFormat.Usd(low.Value) : $"{MoneyFormat.Usd(low.Value)}-{MoneyFormat.Usd(high.Value)}";

    public static string Multiple(decimal m) => m.ToString("0.##", CultureInfo.InvariantCulture) + "×";

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A guardrail's check column: the problem when the declared cap would be tripped, else what passed.</summary>
    public static string Check(GuardrailProposal g) => g.Problem is { } p ? "⚠ " + p : g.Note is { } n ? "ok: " + n : "ok";

    public static string Users(long users) => users.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Effort(LeverEffort effort) => effort.ToString().ToLowerInvariant();

    /// <summary>
    /// USD per 1M tokens with the same shape in every row: at least two decimals, more only when the price has them
    /// ($0.15, $0.075, $15.00, $0.0375), so a column of prices lines up.
    /// </summary>
    public static string PerMillion(decimal perToken) => "$" + (perToken * 1_000_000m).ToString("#,0.00####", CultureInfo.InvariantCulture);

    public static string Price(ModelPrice? p) =>
        p is null ? MoneyFormat.Unknown
        : $"{PerMillion(p.InputPerToken)} in / {PerMillion(p.OutputPerToken)} out"
          + (p.CachedInputPerToken is { } c ? $" / {PerMillion(c)} cached" : "") + " per 1M";
}
