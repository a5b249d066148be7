using Microsoft.Extensions.Time.Testing;
using Shipgate.Cost;
using Shipgate.Selection;
using Shipgate.Specs;
using static Shipgate.Tests.Selection.SelectionSamples;

namespace Shipgate.Tests.Selection;

public sealed class ReviewCheckTests
{
    private static readonly DateTimeOffset Decided = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static PriceCatalog Catalog(decimal miniInput = 0.00000015m, params string[] extra) => new()
    {
        Date = new DateOnly(2026, 11, 20),
        Source = "test",
        Models =
        [
            new ModelPrice { Model = "gpt-4o-mini", Provider = "openai", InputPerToken = miniInput, OutputPerToken = 0.0000006m },
            new ModelPrice { Model = "gpt-4o", Provider = "openai", InputPerToken = 0.0000025m, OutputPerToken = 0.00001m },
            .. extra.Select(m => new ModelPrice { Model = m, Provider = "openai", InputPerToken = 0.000001m, OutputPerToken = 0.000004m }),
        ],
    };

    private static FeatureSpec SpecWith(decimal inputPerMillion = 0.15m, ReviewTriggers? review = null) =>
        Spec(
            [Candidate("mini", "openai", pricing: new Pricing(inputPerMillion, 0.60m), provider: "openai:gpt-4o-mini", family: "gpt-4o")],
            new SelectionSpec { Requirements = [new SelectionRequirement { Kind = RequirementKind.Quality, Weight = 5, Metric = QualityMetric.MeanScore }], Review = review ?? new ReviewTriggers() });

    /// <summary>The decision: mini chosen with mean_score 0.9 [0.85, 0.95], catalog of that day known.</summary>
    private static async Task<DecisionSnapshot> Snapshot(FeatureSpec spec) =>
        DecisionSnapshot.From(await AnalyzeAsync(spec, Report(new Sample("mini", 100, 0.001m, Uniform(10, 0.9), spec.Candidates[0])), Catalog()), spec, Catalog(), Decided);

    private static Shipgate.Evals.EvalReport Latest(double score, FeatureSpec spec) =>
        Report(new Sample("mini", 100, 0.001m, Uniform(10, score), spec.Candidates[0])) with { Run = Report(new Sample("mini", 1, 0, Uniform(1, 1))).Run with { Id = "run-2" } };

    private static ReviewTrigger Trigger(IReadOnlyList<ReviewTrigger> triggers, string startsWith) =>
        triggers.Single(t => t.Name.StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public async Task Evaluate_NothingChanged_NoTriggerFires()
    {
        var spec = SpecWith();
        var time = new FakeTimeProvider(Decided.AddDays(30));

        var triggers = ReviewCheck.Evaluate(spec, await Snapshot(spec), Catalog(), Latest(0.9, spec), time);

        Assert.All(triggers, t => Assert.False(t.Fired, t.Detail));
        Assert.All(triggers, t => Assert.True(t.Checked, t.Name));
        Assert.Equal(4, triggers.Count);
    }

    [Fact]
    public async Task Evaluate_NewModelInShortlistedFamily_Fires()
    {
        var spec = SpecWith();

        var triggers = ReviewCheck.Evaluate(spec, await Snapshot(spec), Catalog(extra: "gpt-4o-2026-11-01"), null, new FakeTimeProvider(Decided));

        var t = Trigger(triggers, "new model");
        Assert.True(t.Fired);
        Assert.Contains("gpt-4o-2026-11-01", t.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("gpt-4o-mini", t.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_CatalogPriceMovesMoreThanThreshold_Fires()
    {
        var spec = SpecWith();

        var triggers = ReviewCheck.Evaluate(spec, await Snapshot(spec), Catalog(miniInput: 0.0000002m), null, new FakeTimeProvider(Decided));

        var t = Trigger(triggers, "price change");
        Assert.True(t.Fired);
        Assert.Contains("mini catalog input", t.Detail, StringComparison.Ordinal);
        Assert.Contains("+33%", t.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_DeclaredPriceWithinThreshold_DoesNotFire()
    {
        var spec = SpecWith();

        // 0.15 → 0.17 is +13%, under the default 20%.
        var triggers = ReviewCheck.Evaluate(SpecWith(0.17m), await Snapshot(spec), Catalog(), null, new FakeTimeProvider(Decided));

        Assert.False(Trigger(triggers, "price change").Fired);
    }

    [Fact]
    public async Task Evaluate_DeclaredPriceCut_Fires()
    {
        var spec = SpecWith();

        var triggers = ReviewCheck.Evaluate(SpecWith(0.10m), await Snapshot(spec), Catalog(), null, new FakeTimeProvider(Decided));

        var t = Trigger(triggers, "price change");
        Assert.True(t.Fired);
        Assert.Contains("mini declared input 0.15 → 0.1 (-33%)", t.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.84, true)]
    [InlineData(0.86, false)]
    public async Task Evaluate_QualityBelowDecisionCi_FiresOnlyBelowTheLowBound(double latest, bool fired)
    {
        var spec = SpecWith();

        var triggers = ReviewCheck.Evaluate(spec, await Snapshot(spec), Catalog(), Latest(latest, spec), new FakeTimeProvider(Decided));

        Assert.Equal(fired, Trigger(triggers, "quality").Fired);
    }

    [Fact]
    public async Task Evaluate_QualityDropThreshold_IsUsedWhenDeclared()
    {
        var spec = SpecWith(review: new ReviewTriggers { QualityDrop = 0.2 });

        var small = ReviewCheck.Evaluate(spec, await Snapshot(spec), null, Latest(0.75, spec), new FakeTimeProvider(Decided));
        var large = ReviewCheck.Evaluate(spec, await Snapshot(spec), null, Latest(0.65, spec), new FakeTimeProvider(Decided));

        Assert.False(Trigger(small, "quality drop").Fired);
        Assert.True(Trigger(large, "quality drop").Fired);
    }

    [Fact]
    public async Task Evaluate_DecisionOlderThanMaxAge_Fires()
    {
        var spec = SpecWith(review: new ReviewTriggers { MaxAgeDays = 90 });

        var young = ReviewCheck.Evaluate(spec, await Snapshot(spec), null, null, new FakeTimeProvider(Decided.AddDays(90)));
        var old = ReviewCheck.Evaluate(spec, await Snapshot(spec), null, null, new FakeTimeProvider(Decided.AddDays(91)));

        Assert.False(Trigger(young, "decision older").Fired);
        Assert.True(Trigger(old, "decision older").Fired);
        Assert.Contains("91 days ago", Trigger(old, "decision older").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_NoCatalogNoRun_ThoseTriggersAreNotChecked()
    {
        var spec = SpecWith();

        var triggers = ReviewCheck.Evaluate(spec, await Snapshot(spec), null, null, new FakeTimeProvider(Decided));

        Assert.False(Trigger(triggers, "new model").Checked);
        Assert.False(Trigger(triggers, "quality").Checked);
        Assert.True(Trigger(triggers, "price change").Checked);
        Assert.DoesNotContain(triggers, t => t.Fired);
    }

    [Fact]
    public void Summary_SomeTriggersNotChecked_SaysHowManyAndWhy()
    {
        ReviewTrigger[] triggers =
        [
            new("new model", false, false, "no shortlisted candidate declares a family"),
            new("price change", false, false, "no shortlisted price to compare"),
            new("quality", false, true, "fine"),
            new("age", false, true, "fine"),
        ];

        Assert.Equal("no review due; 2 of 4 triggers not checked: no shortlisted candidate declares a family; no shortlisted price to compare", ReviewCheck.Summary(triggers));
        Assert.Equal("no review due (all 2 triggers checked)", ReviewCheck.Summary(triggers[2..]));
        Assert.StartsWith("REVIEW DUE; 1 of 2", ReviewCheck.Summary([triggers[0], triggers[2] with { Fired = true }]), StringComparison.Ordinal);
    }
}
