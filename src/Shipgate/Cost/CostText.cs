using System.Globalization;

namespace Shipgate.Cost;

/// <summary>Number formatting shared by the cost renderers (console, Markdown, HTML).</summary>
internal static class CostText
{
    public static string Tokens(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Stats(TokenStats s) => $"{Tokens(s.Mean)} / {Tokens(s.P50)} / {Tokens(s.P95)}";

    public static string Share(decimal share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string ShareRange(decimal low, decimal high) => low == high ? Share(low) : $"{low.ToString("0%", CultureInfo.InvariantCulture)}-{high.ToString("0%", CultureInfo.InvariantCulture)}";

    public static string MoneyRange(decimal? low, decimal? high) =>
        low is null || high is null ? "—" : low == high ? MoneyFormat.Usd(low.Value) : $"{MoneyFormat.Usd(low.Value)}-{MoneyFormat.Usd(high.Value)}";

    public static string Multiple(decimal m) => m.ToString("0.##", CultureInfo.InvariantCulture) + "×";

    public static string Users(long users) => users.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Effort(LeverEffort effort) => effort.ToString().ToLowerInvariant();

    public static string Price(ModelPrice? p) =>
        p is null ? MoneyFormat.Unknown
        : $"{CostAnalyzer.PerMillion(p.InputPerToken)} in / {CostAnalyzer.PerMillion(p.OutputPerToken)} out"
          + (p.CachedInputPerToken is { } c ? $" / {CostAnalyzer.PerMillion(c)} cached" : "") + " per 1M";
}
