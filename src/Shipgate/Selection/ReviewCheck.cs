using System.Globalization;
using Shipgate.Cost;
using Shipgate.Evals;
using Shipgate.Specs;

namespace Shipgate.Selection;

/// <summary>
/// <c>shipgate select --check</c>: evaluates the decision's review triggers against today's catalog, spec and latest
/// run: a new catalog model in a shortlisted family, a price change beyond <c>review.price_change</c>, a quality
/// regression of the chosen candidate, and the decision's age.
/// </summary>
internal static class ReviewCheck
{
    public static IReadOnlyList<ReviewTrigger> Evaluate(FeatureSpec spec, DecisionSnapshot snapshot, PriceCatalog? catalog, EvalReport? latest, TimeProvider time)
    {
        var review = spec.Selection?.Review ?? new ReviewTriggers();
        return
        [
            NewModels(snapshot, catalog),
            PriceChanges(spec, snapshot, catalog, review.PriceChange),
            QualityRegression(snapshot, latest, review.QualityDrop),
            Age(snapshot, time, review.MaxAgeDays),
        ];
    }

    /// <summary>
    /// The verdict line: "REVIEW DUE" or "no review due", followed by how many triggers could not be checked and why,
    /// so a quiet check with nothing checked does not read as all clear.
    /// </summary>
    public static string Summary(IReadOnlyList<ReviewTrigger> triggers)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        var verdict = triggers.Any(t => t.Fired) ? "REVIEW DUE" : "no review due";
        var unchecked_ = triggers.Where(t => !t.Checked).ToList();
        return unchecked_.Count == 0
            ? $"{verdict} (all {triggers.Count} triggers checked)"
            : $"{verdict}; {unchecked_.Count} of {triggers.Count} triggers not checked: {string.Join("; ", unchecked_.Select(t => t.Detail))}";
    }

    private static ReviewTrigger NewModels(DecisionSnapshot snapshot, PriceCatalog? catalog)
    {
        const string name = "new model in a shortlisted family";
        var families = snapshot.Candidates.Where(c => c.Shortlisted && c.Family is not null).Select(c => c.Family!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (families.Count == 0)
        {
            return new ReviewTrigger(name, false, false, "no shortlisted candidate declares a family");
        }

        if (catalog is null)
        {
            return new ReviewTrigger(name, false, false, "no price catalog to compare with");
        }

        if (snapshot.CatalogDate is null)
        {
            return new ReviewTrigger(name, false, false, "the decision was recorded without a price catalog; record it again with one (select --write)");
        }

        var news = new List<string>();
        foreach (var family in families)
        {
            var before = snapshot.FamilyModels.TryGetValue(family, out var known) ? known : [];
            news.AddRange(CatalogLookup.FamilyModels(catalog, family).Where(m => !before.Contains(m, StringComparer.OrdinalIgnoreCase)).Select(m => $"{m} ({family})"));
        }

        return news.Count > 0
            ? new ReviewTrigger(name, true, true, $"new in the catalog of {catalog.Date:yyyy-MM-dd}: {string.Join(", ", news)}")
            : new ReviewTrigger(name, false, true, $"no new {string.Join(", ", families)} models in the catalog of {catalog.Date:yyyy-MM-dd}");
    }

    private static ReviewTrigger PriceChanges(FeatureSpec spec, DecisionSnapshot snapshot, PriceCatalog? catalog, double threshold)
    {
        var name = $"price change over {SelectionAnalyzer.Pct(threshold)}";
        var changes = new List<string>();
        var compared = 0;
        foreach (var before in snapshot.Candidates.Where(c => c.Shortlisted))
        {
            var candidate = spec.Candidates.FirstOrDefault(c => c.Id == before.Id);
            if (candidate is null)
            {
                continue;
            }

            if (candidate.Pricing is { } pricing && before.DeclaredInputPerMillion is { } din && before.DeclaredOutputPerMillion is { } dout)
            {
                compared++;
                Compare(changes, $"{before.Id} declared input", din, pricing.InputPerMillion, threshold);
                Compare(changes, $"{before.Id} declared output", dout, pricing.OutputPerMillion, threshold);
            }

            if (CatalogLookup.Find(catalog, candidate) is { } price && before.CatalogInputPerToken is { } cin && before.CatalogOutputPerToken is { } cout)
            {
                compared++;
                Compare(changes, $"{before.Id} catalog input", cin, price.InputPerToken, threshold);
                Compare(changes, $"{before.Id} catalog output", cout, price.OutputPerToken, threshold);
            }
        }

        if (compared == 0)
        {
            return new ReviewTrigger(name, false, false, "no shortlisted price to compare (declare pricing or record the decision with a price catalog)");
        }

        return changes.Count > 0
            ? new ReviewTrigger(name, true, true, string.Join("; ", changes))
            : new ReviewTrigger(name, false, true, $"{compared} price{(compared == 1 ? "" : "s")} compared, none moved more than {SelectionAnalyzer.Pct(threshold)}");
    }

    private static void Compare(List<string> changes, string what, decimal before, decimal now, double threshold)
    {
        if (before == now)
        {
            return;
        }

        var relative = before == 0 ? 1.0 : (double)Math.Abs((now - before) / before);
        if (relative > threshold)
        {
            changes.Add($"{what} {Price(before)} → {Price(now)} ({(now > before ? "+" : "-")}{SelectionAnalyzer.Pct(relative)})");
        }
    }

    private static string Price(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static ReviewTrigger QualityRegression(DecisionSnapshot snapshot, EvalReport? latest, double? drop)
    {
        var metric = CaseQuality.Name(snapshot.Metric);
        var name = drop is { } d ? $"quality drop over {d.ToString("0.###", CultureInfo.InvariantCulture)} ({metric})" : $"quality below the decision's 95% CI ({metric})";
        var winner = snapshot.Candidates.FirstOrDefault(c => c.Id == snapshot.Winner);
        if (winner?.Quality is not { } before)
        {
            return new ReviewTrigger(name, false, false, "the decision has no chosen candidate with a measured quality");
        }

        if (latest is null)
        {
            return new ReviewTrigger(name, false, false, "no completed eval run to compare with");
        }

        var summary = latest.Candidates.FirstOrDefault(c => c.CandidateId == winner.Id);
        double? now = summary is null ? null : snapshot.Metric switch
        {
            QualityMetric.PassRate => summary.PassRate,
            QualityMetric.MeanScore => summary.MeanScore,
            _ => summary.RubricMean,
        };
        if (now is not { } after)
        {
            return new ReviewTrigger(name, false, false, $"latest run {latest.Run.Id} has no {metric} for {winner.Id}");
        }

        var bar = drop is { } dd ? before - dd : winner.QualityLow ?? before;
        var text = $"{winner.Id} {metric} {Fmt(before)} at the decision (run {snapshot.RunId}), {Fmt(after)} in run {latest.Run.Id}";
        return after < bar
            ? new ReviewTrigger(name, true, true, $"{text}: below {Fmt(bar)}")
            : new ReviewTrigger(name, false, true, $"{text}: not below {Fmt(bar)}");
    }

    private static string Fmt(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static ReviewTrigger Age(DecisionSnapshot snapshot, TimeProvider time, int maxDays)
    {
        var name = $"decision older than {maxDays} days";
        var days = (int)Math.Floor((time.GetUtcNow() - snapshot.DecidedAt).TotalDays);
        return days > maxDays
            ? new ReviewTrigger(name, true, true, $"decided {snapshot.DecidedAt:yyyy-MM-dd}, {days} days ago")
            : new ReviewTrigger(name, false, true, $"decided {snapshot.DecidedAt:yyyy-MM-dd}, {days} days ago");
    }
}
