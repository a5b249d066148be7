using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Shipgate.Cost;
using Shipgate.Evals;
using Shipgate.Reports;
using Shipgate.Runs;
using Shipgate.Selection;
using Shipgate.Specs;

namespace Shipgate.Tests.Cost;

public sealed class CostAnalyzerTests
{
    private const string RunId = "20261129-100000-abcd";

    // $1 per 1M input, $2 per 1M output, cached $0.10 per 1M: 1000 in + 500 out = 0.001 + 0.001 = $0.002 a request.
    private static readonly Pricing Strong = new(1.00m, 2.00m, 0.10m);

    // $0.10 / $0.40: 1000 in + 500 out = 0.0001 + 0.0002 = $0.0003 a request.
    private static readonly Pricing Cheap = new(0.10m, 0.40m);

    private static readonly FakeTimeProvider Now = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    private static readonly PriceCatalog Catalog = new()
    {
        Date = new DateOnly(2026, 11, 20),
        Source = "test catalog",
        Models = [new ModelPrice { Model = "gpt-4o-mini", Provider = "openai", InputPerToken = 0.00000015m, OutputPerToken = 0.0000006m, CachedInputPerToken = 0.000000075m }],
    };

    private static EconomicsSpec Economics(decimal revenue = 1.00m, CostGuardrailsSpec? guardrails = null) => new()
    {
        // 10 requests a day × 30 days = 300 requests per user per month.
        Traffic = new TrafficSpec { Users = 1000, RequestsPerUserPerDay = 10, DaysPerMonth = 30 },
        RevenuePerUserPerMonth = revenue,
        OtherCostsPerRequest = [new OtherCostSpec("embeddings", 0.0001m)],
        Guardrails = guardrails,
    };

    private static FeatureSpec Spec(EconomicsSpec? economics, params (string Id, string Provider, Pricing? Pricing)[] candidates) => new()
    {
        Name = "refunds",
        RootDirectory = "/tmp/refunds",
        SpecFile = "/tmp/refunds/shipgate.yaml",
        Prompts = [],
        Cases = [],
        Candidates = [.. candidates.Select(c => new CandidateSpec { Id = c.Id, Provider = c.Provider, Pricing = c.Pricing })],
        Economics = economics,
    };

    private static ResultRecord Result(string candidate, int i, bool pass = true, long input = 1000, long output = 500, string? prompt = null, bool usageKnown = true, long cached = 0) => new()
    {
        RunId = RunId,
        CaseId = $"case-{i}",
        CandidateId = candidate,
        Repeat = 0,
        Pass = pass,
        Score = pass ? 1 : 0,
        InputTokens = input,
        OutputTokens = output,
        CachedInputTokens = cached,
        UsageKnown = usageKnown,
        Prompt = prompt ?? $"You are Tallybook's support assistant. Answer from the policy.\nQ: question number {i}",
        Output = "an answer",
        CompletedAt = DateTimeOffset.UnixEpoch,
    };

    private static CandidateSummary Summary(string id, string provider, IEnumerable<ResultRecord> results, bool ship = true)
    {
        var list = results.Where(r => r.CandidateId == id).ToList();
        return new CandidateSummary
        {
            CandidateId = id,
            Provider = provider,
            OfflineStandIn = provider.StartsWith("local:", StringComparison.Ordinal),
            Total = list.Count,
            Passed = list.Count(r => r.Pass),
            PassRate = list.Count == 0 ? 0 : (double)list.Count(r => r.Pass) / list.Count,
            Verdict = new GateVerdict(ship, [], []),
        };
    }

    private static EvalReport Report(IReadOnlyList<ResultRecord> results, params (string Id, string Provider, bool Ship)[] candidates) => new()
    {
        Run = new RunRecord
        {
            Id = RunId,
            Feature = "refunds",
            StartedAt = DateTimeOffset.UnixEpoch,
            SpecHash = "h",
            Candidates = [.. candidates.Select(c => new PlannedCandidate(c.Id, c.Provider, "{}"))],
            CaseIds = [.. results.Select(r => r.CaseId).Distinct()],
            Repeats = 1,
            Status = RunStatus.Completed,
        },
        Candidates = [.. candidates.Select(c => Summary(c.Id, c.Provider, results, c.Ship))],
        Results = results,
    };

    private static List<ResultRecord> Results(string candidate, int n = 10, Func<int, bool>? pass = null) =>
        [.. Enumerable.Range(0, n).Select(i => Result(candidate, i, pass?.Invoke(i) ?? true))];

    [Fact]
    public void Analyze_HandComputedCase_GivesUnitEconomicsInDecimal()
    {
        var results = Results("strong");
        var a = CostAnalyzer.Analyze(Spec(Economics(), ("strong", "openai:x", Strong)), Report(results, ("strong", "openai:x", true)), Catalog, Now);

        var c = a.Costed;
        Assert.Equal(0.002m, c.CostPerRequestMean!.Value);
        Assert.Equal(ProvenanceKind.Declared, c.PriceSource.Kind);
        var e = a.Economics!;
        Assert.Equal(0.0021m, e.CostPerRequest.Value);           // + $0.0001 embeddings
        Assert.Equal(300m, e.RequestsPerUserPerMonth);
        Assert.Equal(0.63m, e.CostPerUserPerMonth.Value);        // 0.0021 × 300
        Assert.Equal(630m, e.FeatureCostPerMonth.Value);         // × 1000 users
        Assert.Equal(0.63m, e.ShareOfRevenue);                   // of $1.00
        Assert.Equal(CostBand.Problem, e.Band);
        Assert.Equal(0.37m, e.MarginPerUser.Value);
        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
    }

    [Fact]
    public void Analyze_DefaultScale_ProjectsTenTimesUsers()
    {
        var a = CostAnalyzer.Analyze(Spec(Economics(revenue: 10m), ("strong", "openai:x", Strong)), Report(Results("strong"), ("strong", "openai:x", true)), Catalog, Now);

        Assert.Equal([1m, 10m], a.Projections.Select(p => p.Multiple));
        var tenX = a.Projections[1];
        Assert.Equal(10_000, tenX.Users);
        Assert.Equal(6300m, tenX.MonthlyCost);       // 0.63 × 10,000
        Assert.Equal(100_000m, tenX.MonthlyRevenue); // 10 × 10,000
        Assert.Equal(0.063m, tenX.ShareOfRevenue);
        Assert.Equal(CostBand.Healthy, tenX.Band);
        Assert.Equal(93_700m, tenX.MonthlyMargin);
        Assert.Equal(ReadinessStatus.Ready, a.Readiness.Status);
    }

    [Theory]
    [InlineData("4.2", ReadinessStatus.Ready)]     // 0.63 / 4.2 = 15%: healthy
    [InlineData("3.15", ReadinessStatus.Ready)]    // 20%: watch, ready with a warning
    [InlineData("3.14", ReadinessStatus.NotReady)] // just over 20%
    public void Analyze_BandBoundaries_DecideReadiness(string revenue, ReadinessStatus expected)
    {
        var r = decimal.Parse(revenue, System.Globalization.CultureInfo.InvariantCulture);
        var a = CostAnalyzer.Analyze(Spec(Economics(r), ("strong", "openai:x", Strong)), Report(Results("strong"), ("strong", "openai:x", true)), Catalog, Now);

        Assert.Equal(expected, a.Readiness.Status);
        if (a.Economics!.Band == CostBand.Watch)
        {
            Assert.Contains(a.Readiness.Reasons, x => x.Contains("watch band", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Analyze_NoEconomicsSection_IsNotDeclaredAndSaysWhatToAdd()
    {
        var a = CostAnalyzer.Analyze(Spec(null, ("strong", "openai:x", Strong)), Report(Results("strong"), ("strong", "openai:x", true)), Catalog, Now);

        Assert.Equal(ReadinessStatus.NotDeclared, a.Readiness.Status);
        Assert.Contains("revenue_per_user_per_month", a.Readiness.Summary, StringComparison.Ordinal);
        Assert.Null(a.Economics);
        Assert.Equal(0.002m, a.Costed.CostPerRequestMean!.Value);
    }

    [Fact]
    public void Analyze_NoPriceAnywhere_IsNotReadyWithWhatToDo()
    {
        var a = CostAnalyzer.Analyze(Spec(Economics(), ("x", "openai:unknown-model", null)), Report(Results("x"), ("x", "openai:unknown-model", true)), Catalog, Now);

        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        Assert.Null(a.Costed.CostPerRequestMean);
        Assert.Contains("shipgate prices import", a.Readiness.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_PriceFromCatalog_NamesTheCatalogEntry()
    {
        var a = CostAnalyzer.Analyze(Spec(Economics(), ("mini", "openai:gpt-4o-mini", null)), Report(Results("mini"), ("mini", "openai:gpt-4o-mini", true)), Catalog, Now);

        Assert.Equal(ProvenanceKind.Catalog, a.Costed.PriceSource.Kind);
        Assert.Contains("gpt-4o-mini in test catalog", a.Costed.PriceSource.Detail, StringComparison.Ordinal);
        Assert.Equal(0.00045m, a.Costed.CostPerRequestMean!.Value); // 1000 × 0.00000015 + 500 × 0.0000006
    }

    [Fact]
    public void Analyze_StaleCatalog_WarnsInTheReport()
    {
        var old = Catalog with { Date = new DateOnly(2026, 6, 1) };
        var a = CostAnalyzer.Analyze(Spec(Economics(0.5m), ("mini", "openai:gpt-4o-mini", null)), Report(Results("mini"), ("mini", "openai:gpt-4o-mini", true)), old, Now);

        Assert.True(a.CatalogStale);
        Assert.Contains(a.Warnings, w => w.Contains("days old", StringComparison.Ordinal));
        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);        // 33% of $0.50 revenue: a margin problem
        Assert.DoesNotContain(a.Readiness.Reasons, w => w.Contains("days old", StringComparison.Ordinal)); // a warning, not a blocker

        var ready = CostAnalyzer.Analyze(Spec(Economics(10m), ("mini", "openai:gpt-4o-mini", null)), Report(Results("mini"), ("mini", "openai:gpt-4o-mini", true)), old, Now);
        Assert.Equal(ReadinessStatus.Ready, ready.Readiness.Status);
        Assert.Contains(ready.Readiness.Reasons, w => w.Contains("days old", StringComparison.Ordinal)); // a note worth reading
    }

    [Fact]
    public void Analyze_UsageUnknown_CountsTokensOffline()
    {
        var results = new List<ResultRecord> { Result("s", 0, usageKnown: false, input: 0, output: 0, prompt: "hello world") with { Output = "hello world" } };
        var a = CostAnalyzer.Analyze(Spec(null, ("s", "openai:gpt-4o", Strong)), Report(results, ("s", "openai:gpt-4o", true)), Catalog, Now);

        Assert.Equal(2, a.Costed.InputTokens.Mean);
        Assert.Equal(2, a.Costed.OutputTokens.Mean);
        Assert.Equal("counted offline (o200k_base)", a.Costed.TokenSource);
        Assert.Equal(0.000006m, a.Costed.CostPerRequestMean!.Value); // 2 × 0.000001 + 2 × 0.000002
    }

    [Fact]
    public void Analyze_TokenStats_GiveMeanMedianAndP95()
    {
        var results = Enumerable.Range(0, 21).Select(i => Result("s", i, input: 100 * (i + 1))).ToList();
        var a = CostAnalyzer.Analyze(Spec(null, ("s", "openai:x", Strong)), Report(results, ("s", "openai:x", true)), Catalog, Now);

        Assert.Equal(1100, a.Costed.InputTokens.Mean);
        Assert.Equal(1100, a.Costed.InputTokens.P50);
        Assert.Equal(2000, a.Costed.InputTokens.P95);
        Assert.True(a.Costed.CostPerRequestP95!.Value > a.Costed.CostPerRequestMean!.Value);
    }

    [Fact]
    public void Analyze_DefaultCandidate_IsTheCheapestThatShips()
    {
        var results = Results("strong").Concat(Results("cheap")).Concat(Results("failing")).ToList();
        var spec = Spec(Economics(10m), ("strong", "openai:a", Strong), ("cheap", "openai:b", Cheap), ("failing", "openai:c", new Pricing(0.01m, 0.01m)));
        var a = CostAnalyzer.Analyze(spec, Report(results, ("strong", "openai:a", true), ("cheap", "openai:b", true), ("failing", "openai:c", false)), Catalog, Now);

        Assert.Equal("cheap", a.CandidateId);
        Assert.Equal("strong", CostAnalyzer.Analyze(spec, Report(results, ("strong", "openai:a", true), ("cheap", "openai:b", true), ("failing", "openai:c", false)), Catalog, Now, candidateId: "strong").CandidateId);
    }

    [Fact]
    public void Analyze_UnknownCandidate_IsAUsageError()
    {
        var ex = Assert.Throws<EvalUsageException>(() =>
            CostAnalyzer.Analyze(Spec(null, ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now, candidateId: "nope"));
        Assert.Contains("candidates: s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Levers_CheaperCandidate_ShowsSavingsAndPairedQualityLoss()
    {
        var results = Results("strong").Concat(Results("cheap", pass: i => i < 8)).ToList();
        var spec = Spec(Economics(10m), ("strong", "openai:a", Strong), ("cheap", "openai:b", Cheap));
        var a = CostAnalyzer.Analyze(spec, Report(results, ("strong", "openai:a", true), ("cheap", "openai:b", false)), Catalog, Now);

        var lever = a.Levers.Single(l => l.Name == "Switch to 'cheap'");
        Assert.Equal(0.85m, lever.ShareLow);               // 1 - 0.0003 / 0.002
        Assert.Equal(510m, lever.MonthlyLow);              // 0.85 × (0.002 × 300 × 1000)
        Assert.Contains("pass rate 80% vs 100%", lever.Detail, StringComparison.Ordinal);
        Assert.Contains("paired difference -20.0%", lever.Detail, StringComparison.Ordinal);
        Assert.Equal(ProvenanceKind.Measured, lever.Source.Kind);

        // 'cheap' fails the ship gate and nothing cheaper passes: flagged, and not a low-effort switch.
        Assert.StartsWith("fails the ship gate: its verdict is NO-SHIP", lever.Detail, StringComparison.Ordinal);
        Assert.Contains("no cheaper candidate passes the gate", lever.Detail, StringComparison.Ordinal);
        Assert.Equal(LeverEffort.High, lever.Effort);
    }

    [Fact]
    public void Levers_CheaperCandidates_PreferTheCheapestThatPassesTheGate()
    {
        var results = Results("strong").Concat(Results("mid")).Concat(Results("cheap", pass: i => i < 5)).ToList();
        var spec = Spec(Economics(10m), ("strong", "openai:a", Strong), ("mid", "openai:b", new Pricing(0.50m, 1.00m)), ("cheap", "openai:c", Cheap));
        var report = Report(results, ("strong", "openai:a", true), ("mid", "openai:b", true), ("cheap", "openai:c", false));
        report = report with
        {
            Candidates = [.. report.Candidates.Select(c => c.CandidateId != "cheap" ? c : c with { Verdict = new GateVerdict(false, [new GateCheck("pass rate", "≥ 0.90", "0.50 [0.24, 0.76] (5/10)", false)], []) })],
        };
        var a = CostAnalyzer.Analyze(spec, report, Catalog, Now, candidateId: "strong");

        var lever = Assert.Single(a.Levers, l => l.Name.StartsWith("Switch to", StringComparison.Ordinal));
        Assert.Equal("Switch to 'mid'", lever.Name);
        Assert.Equal(0.5m, lever.ShareLow);                 // 1 - 0.001 / 0.002
        Assert.Equal(LeverEffort.Low, lever.Effort);
        Assert.StartsWith("$0.0010 instead of $0.0020 per request", lever.Detail, StringComparison.Ordinal);
        Assert.Contains("'cheap' is cheaper still but fails the ship gate: pass rate 0.50 [0.24, 0.76], needs ≥ 0.90", lever.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Levers_SharedPromptPrefix_QuantifiesCachingAtTheCachedPrice()
    {
        // Over the 1,024-token caching minimum: the policy text repeated.
        var prefix = "You are Tallybook's support assistant. Answer only from the refund policy below, in two sentences.\n"
            + string.Concat(Enumerable.Repeat("Refunds are possible within 30 days of the charge, in Settings, Billing, Refunds. ", 80));
        var results = Enumerable.Range(0, 5).Select(i => Result("s", i, prompt: prefix + $"Q: case {i}?")).ToList();
        var a = CostAnalyzer.Analyze(Spec(Economics(10m), ("s", "openai:x", Strong)), Report(results, ("s", "openai:x", true)), Catalog, Now);

        var tokens = a.SharedPrefixTokens;
        Assert.True(tokens >= TokenCounter.Count(prefix) && tokens <= TokenCounter.Count(prefix + "Q: case "), $"prefix tokens {tokens}");
        Assert.True(tokens >= CostAnalyzer.CachingMinimumTokens, $"prefix tokens {tokens}");
        var caching = a.Levers.Single(l => l.Name == "Prompt caching of the shared prefix");
        Assert.Null(caching.NotApplicable);
        Assert.Equal(Math.Min(1m, tokens * (0.000001m - 0.0000001m) / 0.002m), caching.ShareLow);
        var trim = a.Levers.Single(l => l.Name == "Trim the shared prompt");
        Assert.Equal(Math.Min(1m, tokens * 0.25m * 0.000001m / 0.002m), trim.ShareLow);
    }

    [Fact]
    public void Levers_PrefixBelowTheCachingMinimum_IsNotApplicableWithTheAssumption()
    {
        const string prefix = "You are Tallybook's support assistant. Answer only from the refund policy below, in two sentences.\n";
        var results = Enumerable.Range(0, 5).Select(i => Result("s", i, prompt: prefix + $"Q: case {i}?")).ToList();
        var a = CostAnalyzer.Analyze(Spec(Economics(10m), ("s", "openai:x", Strong)), Report(results, ("s", "openai:x", true)), Catalog, Now);

        var caching = a.Levers.Single(l => l.Name == "Prompt caching of the shared prefix");
        Assert.Contains($"shared prefix of {a.SharedPrefixTokens} tokens is below the providers' 1,024-token minimum", caching.NotApplicable, StringComparison.Ordinal);
        Assert.Contains("assumed: providers cache only a prompt prefix of at least 1,024 tokens", caching.Detail, StringComparison.Ordinal);
        Assert.Null(caching.MonthlyLow);
        var row = CostMarkdown.Render(a).Split('\n').Single(l => l.StartsWith("| Prompt caching", StringComparison.Ordinal));
        Assert.StartsWith("| Prompt caching of the shared prefix | n/a | n/a |", row, StringComparison.Ordinal);
        Assert.DoesNotContain("$0.00", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Levers_DeclaredPricingWithoutCachedRate_UsesTheCatalogsCachedInputPrice()
    {
        var prefix = string.Concat(Enumerable.Repeat("Refunds are possible within 30 days of the charge, in Settings, Billing, Refunds. ", 80));
        var results = Enumerable.Range(0, 5).Select(i => Result("m", i, input: 2000, prompt: prefix + $"Q: case {i}?")).ToList();

        // Declared $0.15 / $0.60 without a cached rate; the catalog's gpt-4o-mini has $0.075 cached.
        var a = CostAnalyzer.Analyze(Spec(Economics(10m), ("m", "openai:gpt-4o-mini", new Pricing(0.15m, 0.60m))), Report(results, ("m", "openai:gpt-4o-mini", true)), Catalog, Now);

        var caching = a.Levers.Single(l => l.Name == "Prompt caching of the shared prefix");
        Assert.Null(caching.NotApplicable);
        Assert.Contains("$0.075 instead of $0.15 per 1M", caching.Detail, StringComparison.Ordinal);
        Assert.Contains("gpt-4o-mini in test catalog", caching.Source.Detail, StringComparison.Ordinal);
        var mean = a.Costed.CostPerRequestMean!.Value;
        Assert.Equal(a.SharedPrefixTokens * (0.00000015m - 0.000000075m) / mean, caching.ShareLow);
    }

    [Fact]
    public void Levers_NoRepeatedPrompt_ResponseCacheIsNotApplicable()
    {
        var a = CostAnalyzer.Analyze(Spec(Economics(10m), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now);

        var cache = a.Levers.Single(l => l.Name == "Response cache for repeated requests");
        Assert.Contains("no request of run", cache.NotApplicable, StringComparison.Ordinal);
        Assert.Equal("n/a", CostText.Saving(cache));
        Assert.Equal("n/a", CostText.Monthly(cache));
    }

    [Fact]
    public void Levers_DuplicatePrompts_GiveTheResponseCacheSaving()
    {
        var results = new List<ResultRecord>
        {
            Result("s", 0, prompt: "Q: how do refunds work?"),
            Result("s", 1, prompt: "q:  How do refunds work? "),
            Result("s", 2, prompt: "Q: where is my invoice?"),
            Result("s", 3, prompt: "Q: how do refunds work?"),
        };
        var a = CostAnalyzer.Analyze(Spec(Economics(10m), ("s", "openai:x", Strong)), Report(results, ("s", "openai:x", true)), Catalog, Now);

        Assert.Equal(0.5, a.DuplicateRate);
        Assert.Equal(0.5m, a.Levers.Single(l => l.Name == "Response cache for repeated requests").ShareLow);
    }

    [Fact]
    public void Levers_Routing_MeasuredWhenGivenElseEstimated()
    {
        var spec = Spec(Economics(10m), ("s", "openai:x", Strong));
        var report = Report(Results("s"), ("s", "openai:x", true));
        var router = new RouterEvaluation { CheapCandidate = "c", StrongCandidate = "s", HeldOutCases = 30, CheapShare = 0.7, CostSavedShare = 0.62m, QualityRetainedShare = 0.97, RunId = RunId };

        var measured = CostAnalyzer.Analyze(spec, report, Catalog, Now, router).Levers.Single(l => l.Name.StartsWith("Route", StringComparison.Ordinal));
        var estimated = CostAnalyzer.Analyze(spec, report, Catalog, Now).Levers.Single(l => l.Name.StartsWith("Route", StringComparison.Ordinal));

        Assert.Equal((0.62m, 0.62m, ProvenanceKind.Measured), (measured.ShareLow, measured.ShareHigh, measured.Source.Kind));
        Assert.Equal(372m, measured.MonthlyLow); // 0.62 × 600
        Assert.Equal((0.40m, 0.60m, ProvenanceKind.Estimated), (estimated.ShareLow, estimated.ShareHigh, estimated.Source.Kind));
        Assert.Contains(CostAnalyzer.Analyze(spec, report, Catalog, Now).Levers, l => l.Name == "Self-host an open-source model" && l.ShareLow == 0.60m && l.ShareHigh == 0.80m && l.Estimated);
    }

    [Fact]
    public void Levers_Routing_SavingReadsAsShipgateSelectPrintsIt()
    {
        var spec = Spec(Economics(10m), ("s", "openai:x", Strong));
        var router = new RouterEvaluation { CheapCandidate = "c", StrongCandidate = "s", HeldOutCases = 30, CheapShare = 0.7, CostSavedShare = 0.625m, QualityRetainedShare = 0.97, RunId = RunId };

        var lever = CostAnalyzer.Analyze(spec, Report(Results("s"), ("s", "openai:x", true)), Catalog, Now, router).Levers.Single(l => l.Name.StartsWith("Route", StringComparison.Ordinal));

        Assert.Equal(SelectionAnalyzer.Pct(0.625), CostText.Saving(lever)); // one number in both reports
        Assert.Equal("63%", CostText.Saving(lever));
    }

    [Fact]
    public void Levers_RouterForAnotherCandidate_SaysItDoesNotApply()
    {
        var results = Results("s").Concat(Results("big")).ToList();
        var spec = Spec(Economics(10m), ("s", "openai:x", Cheap), ("big", "openai:y", Strong));
        var router = new RouterEvaluation { CheapCandidate = "s", StrongCandidate = "big", HeldOutCases = 30, CheapShare = 0.7, CostSavedShare = 0.62m, QualityRetainedShare = 0.97, RunId = RunId };

        var lever = CostAnalyzer.Analyze(spec, Report(results, ("s", "openai:x", true), ("big", "openai:y", true)), Catalog, Now, router, candidateId: "s")
            .Levers.Single(l => l.Name.StartsWith("Route", StringComparison.Ordinal));

        Assert.Contains("the router routes between 's' and 'big'; it does not apply to 's'", lever.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("shipgate select", lever.Detail, StringComparison.Ordinal);
        Assert.True(lever.Estimated);
    }

    [Fact]
    public void Guardrails_Proposed_FollowTheirRules()
    {
        var results = Results("s").Append(Result("s", 99, input: 3000, output: 1000)).ToList(); // max: 0.003 + 0.002 = $0.005
        var a = CostAnalyzer.Analyze(Spec(Economics(10m), ("s", "openai:x", Strong)), Report(results, ("s", "openai:x", true)), Catalog, Now);
        var g = a.Guardrails.ToDictionary(x => x.Name);

        Assert.Equal((0.005m + 0.0001m) * 1.5m, g["max cost per request"].Proposed);
        var mean = (10 * 0.002m + 0.005m) / 11;
        Assert.Equal((mean + 0.0001m) * 300 * 1000 * 1.25m, g["monthly budget"].Proposed);
        Assert.Contains("50%", g["alerts"].Rule, StringComparison.Ordinal);
        Assert.Equal((mean + 0.0001m) * 10 * 3, g["per-user daily cap"].Proposed);
        Assert.All(a.Guardrails, x => Assert.Null(x.Problem));
    }

    [Fact]
    public void Guardrails_DeclaredCapsTheTrafficWouldTrip_AreFlaggedAndBlockReadiness()
    {
        var declared = new CostGuardrailsSpec { MaxCostPerRequest = 0.002m, MonthlyBudget = 100m, AlertAt = [0.5m, 0.9m] };
        var a = CostAnalyzer.Analyze(Spec(Economics(10m, declared), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now);
        var g = a.Guardrails.ToDictionary(x => x.Name);

        Assert.Contains("10 of 10 requests", g["max cost per request"].Problem, StringComparison.Ordinal); // 0.0021 > 0.002
        Assert.Contains("over the declared budget", g["monthly budget"].Problem, StringComparison.Ordinal); // 630 > 100
        Assert.Contains("90% ($90.00)", g["alerts"].Rule, StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        Assert.Contains(a.Readiness.Reasons, r => r.Contains("over the declared cap", StringComparison.Ordinal));
    }

    [Fact]
    public void Guardrails_BudgetRunOutDay_IsTheDayItIsActuallyHit()
    {
        // $630 a month over 30 days = $21 a day; a $470.40 budget lasts 22.4 days, so day 23 is the one that hits it.
        var declared = new CostGuardrailsSpec { MonthlyBudget = 470.40m };
        var a = CostAnalyzer.Analyze(Spec(Economics(10m, declared), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now);

        Assert.Contains("the budget would run out on day 23 of 30", a.Guardrails.Single(g => g.Name == "monthly budget").Problem, StringComparison.Ordinal);
        Assert.Equal(22, CostAnalyzer.BudgetDay(462m, 630m, 30m));   // exactly 22.0 days: hit on day 22
        Assert.Equal(1, CostAnalyzer.BudgetDay(1m, 630m, 30m));
    }

    [Fact]
    public void Readiness_NotReady_ReasonsAreOnlyTheBlockersWithNumberAndSource()
    {
        // Budget tripped, p95 under the cap, healthy share, stale catalog: only the budget blocks.
        var declared = new CostGuardrailsSpec { MaxCostPerRequest = 0.01m, MonthlyBudget = 100m };
        var old = Catalog with { Date = new DateOnly(2026, 6, 1) };
        var a = CostAnalyzer.Analyze(Spec(Economics(10m, declared), ("mini", "openai:gpt-4o-mini", null)), Report(Results("mini"), ("mini", "openai:gpt-4o-mini", true)), old, Now);

        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        var reason = Assert.Single(a.Readiness.Reasons);
        Assert.StartsWith("monthly budget: the projected monthly cost $", reason, StringComparison.Ordinal);
        Assert.Contains("run " + RunId, reason, StringComparison.Ordinal);
        Assert.Contains("economics.guardrails", reason, StringComparison.Ordinal);

        // The passing facts stay in the body.
        Assert.Contains("under the declared cap", a.Guardrails.Single(g => g.Name == CostAnalyzer.MaxCostPerRequestGuardrail).Note, StringComparison.Ordinal);
        Assert.Contains("ok: p95 $", CostMarkdown.Render(a), StringComparison.Ordinal);
    }

    [Fact]
    public void Readiness_Ready_ReasonsAreOnlyNotesAndTheSummaryHasNoPrefix()
    {
        var declared = new CostGuardrailsSpec { MaxCostPerRequest = 0.01m };
        var a = CostAnalyzer.Analyze(Spec(Economics(10m, declared), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now);

        Assert.Equal(ReadinessStatus.Ready, a.Readiness.Status);
        Assert.Empty(a.Readiness.Reasons); // healthy, under the cap, fresh prices: nothing worth a note
        Assert.Equal("AI cost 6.3% of revenue for 's': healthy (5-15%)", a.Readiness.Summary);

        var problem = CostAnalyzer.Analyze(Spec(Economics(1m), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now).Readiness;
        Assert.Equal("AI cost 63% of revenue is a margin problem for 's'", problem.Summary);
        Assert.Contains("run " + RunId, Assert.Single(problem.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_CandidateReason_IsShownInsteadOfTheBuiltInOne()
    {
        var results = Results("a").Concat(Results("b")).ToList();
        var spec = Spec(Economics(10m), ("a", "openai:a", Strong), ("b", "openai:b", Cheap));
        var report = Report(results, ("a", "openai:a", false), ("b", "openai:b", false));

        var given = CostAnalyzer.Analyze(spec, report, Catalog, Now, candidateId: "a", candidateReason: "the model selection winner");
        var builtIn = CostAnalyzer.Analyze(spec, report, Catalog, Now);

        Assert.Equal("the model selection winner", given.CandidateReason);
        Assert.Contains("costed candidate `a` (the model selection winner)", CostMarkdown.Render(given), StringComparison.Ordinal);
        Assert.Equal("the first candidate in the run, as none passes the gate", builtIn.CandidateReason);
        Assert.DoesNotContain("))", CostMarkdown.Render(builtIn), StringComparison.Ordinal);
    }

    [Fact]
    public void DecimalQuantile_MatchesTheStatisticsQuantilesAndStaysExact()
    {
        decimal[] sorted = [0.0001m, 0.0002m, 0.0007m, 0.0021m, 0.0021m];
        foreach (var q in new[] { 0.5, 0.95, 0.99 })
        {
            Assert.Equal(Shipgate.Statistics.Quantiles.Sorted([.. sorted.Select(d => (double)d)], q), (double)CostAnalyzer.DecimalQuantile(sorted, q), 12);
        }

        Assert.Equal(0.0021m, CostAnalyzer.DecimalQuantile(sorted, 0.95)); // exactly: compared with a declared cap
    }

    [Fact]
    public void Renderers_UnderAnotherCulture_WriteInvariantNumbers()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // A German-style culture built by hand: the test host may run in globalization-invariant mode (no de-DE data).
            var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = german.NumberFormat.PercentDecimalSeparator = german.NumberFormat.CurrencyDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = german.NumberFormat.PercentGroupSeparator = german.NumberFormat.CurrencyGroupSeparator = ".";
            CultureInfo.CurrentCulture = german;
            var prefix = string.Concat(Enumerable.Repeat("Refunds are possible within 30 days of the charge, in Settings, Billing, Refunds. ", 80));
            var results = Enumerable.Range(0, 5).Select(i => Result("s", i, input: 2000, prompt: prefix + $"Q: {i}?")).ToList();
            var a = CostAnalyzer.Analyze(Spec(Economics(10m, new CostGuardrailsSpec { MonthlyBudget = 50m }), ("s", "openai:x", Strong)), Report(results, ("s", "openai:x", true)), Catalog, Now);
            var md = CostMarkdown.Render(a);
            var html = CostHtml.Render(a);

            Assert.Contains("1.5× the", md, StringComparison.Ordinal);
            Assert.Contains("1.25× the", md, StringComparison.Ordinal);
            Assert.DoesNotContain("1,5×", md, StringComparison.Ordinal);
            Assert.Matches(@"\d,\d{3} tokens of the rendered prompt", md); // 1,234 not 1.234
            Assert.DoesNotMatch("=\"\\d+,\\d", html);                      // SVG coordinates
            Assert.Contains("prices as of 2026-11-20", md, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Readiness_OnlyTheMonthlyBudgetTripped_IsNotReadyAndSaysWhich()
    {
        var declared = new CostGuardrailsSpec { MonthlyBudget = 100m };
        var a = CostAnalyzer.Analyze(Spec(Economics(10m, declared), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now);

        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        Assert.Contains("the declared monthly budget would be tripped", a.Readiness.Summary, StringComparison.Ordinal);
        Assert.Contains(a.Readiness.Reasons, r => r.StartsWith("monthly budget: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Renderers_WriteEverySectionWithSources()
    {
        var results = Results("strong").Concat(Results("cheap")).ToList();
        var spec = Spec(Economics(10m), ("strong", "openai:a", Strong), ("cheap", "openai:b", Cheap));
        var a = CostAnalyzer.Analyze(spec, Report(results, ("strong", "openai:a", true), ("cheap", "openai:b", true)), Catalog, Now, candidateId: "strong");

        var md = CostMarkdown.Render(a);
        Assert.StartsWith("## Unit economics", md, StringComparison.Ordinal);
        Assert.Contains("declared, shipgate.yaml economics.revenue_per_user_per_month", md, StringComparison.Ordinal);
        Assert.Contains("| 10× | 10,000 |", md, StringComparison.Ordinal);
        Assert.Contains("(estimate)", md, StringComparison.Ordinal);

        var html = CostHtml.Render(a);
        Assert.StartsWith("<section", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("band problem", html, StringComparison.Ordinal);
        Assert.Contains("class=\"src\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);

        using var json = System.Text.Json.JsonDocument.Parse(CostJson.Serialize(a));
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("strong", json.RootElement.GetProperty("candidateId").GetString());
        Assert.Equal("derived", json.RootElement.GetProperty("economics").GetProperty("costPerUserPerMonth").GetProperty("source").GetProperty("kind").GetString());
    }
    [Fact]
    public void Analyze_OnlyErrors_IsNotReadyAndSaysToFixThem()
    {
        var results = Results("s").Select(r => r with { Error = "HTTP 500" }).ToList();
        var a = CostAnalyzer.Analyze(Spec(Economics(10m), ("s", "openai:x", Strong)), Report(results, ("s", "openai:x", false)), Catalog, Now);

        Assert.Equal(ReadinessStatus.NotReady, a.Readiness.Status);
        Assert.Contains("no successful request", a.Readiness.Summary, StringComparison.Ordinal);
        Assert.Equal(0, a.Costed.Requests);
    }

    [Fact]
    public void Chart_ProblemBand_CoversThePlotAboveTheTwentyPercentLine()
    {
        var a = CostAnalyzer.Analyze(Spec(Economics(10m), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now);

        var svg = CostHtml.Render(a);
        var problem = svg[svg.IndexOf("band problem", StringComparison.Ordinal)..];
        var points = problem[(problem.IndexOf("points=\"", StringComparison.Ordinal) + 8)..problem.IndexOf("\"/>", StringComparison.Ordinal)];
        Assert.Equal(4, points.Split(' ').Length);
        Assert.Contains("<title>10×: 10,000 users", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_HealthyCost_ScalesTheAxisToTheDataAndDrawsTheBudget()
    {
        // 6.3% of revenue with a $5,000 budget: the old axis (30% of revenue) left the cost line near the floor.
        var a = CostAnalyzer.Analyze(Spec(Economics(10m, new CostGuardrailsSpec { MonthlyBudget = 5_000m }), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now);
        var svg = CostHtml.Chart(a, a.Economics!);

        const double top = 18, bottom = 240; // plot edges in the 280-high viewBox
        var line = Regex.Match(svg, "class=\"line\" points=\"[\\d.]+,[\\d.]+ [\\d.]+,([\\d.]+)\"");
        var end = double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(end < top + ((bottom - top) / 2), $"cost line ends at y={end}: flat on the floor"); // $6,300 at 10×: upper half

        Assert.Matches("class=\"budget\" x1=\"[\\d.]+\" y1=\"[\\d.]+\"", svg);
        Assert.Contains("declared monthly budget $5,000.00", svg, StringComparison.Ordinal);

        // Every label fits inside the 600-wide viewBox (6.6 px a character at 11 px).
        foreach (Match t in Regex.Matches(svg, "<text x=\"([\\d.]+)\"[^>]*?(?:text-anchor=\"(\\w+)\")?>([^<]*)</text>"))
        {
            var x = double.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture);
            var width = t.Groups[3].Value.Length * 6.6;
            var (from, to) = t.Groups[2].Value switch { "end" => (x - width, x), "middle" => (x - (width / 2), x + (width / 2)), _ => (x, x + width) };
            Assert.True(from >= 0 && to <= 600, $"label '{t.Groups[3].Value}' spans {from:0}..{to:0}");
        }
    }

    [Fact]
    public void Chart_BandEdgesOutsideThePlot_AreNotDrawn()
    {
        // 0.063% of revenue: the 15% and 20% lines leave the plot right by the y-axis.
        var a = CostAnalyzer.Analyze(Spec(Economics(1000m), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now);
        var svg = CostHtml.Chart(a, a.Economics!);

        Assert.DoesNotContain(">15%<", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">20%<", svg, StringComparison.Ordinal);

        var watch = CostAnalyzer.Analyze(Spec(Economics(4m), ("s", "openai:x", Strong)), Report(Results("s"), ("s", "openai:x", true)), Catalog, Now); // 15.75%
        Assert.Contains(">15%<", CostHtml.Chart(watch, watch.Economics!), StringComparison.Ordinal);
    }
    private static List<ResultRecord> Judged(string candidate, string judge, decimal? judgeCost, bool referenceBased = false) =>
        [.. Results(candidate).Select(r => r with
        {
            Assertions =
            [
                new AssertionOutcome(AssertionTypes.Rubric, true, 0.8, "judged") { Judge = new JudgeVerdict { JudgeId = judge, Mean = 4, CostUsd = judgeCost, ReferenceBased = referenceBased } },
                new AssertionOutcome("grounded", true, 1, "grounded") { Judge = new JudgeVerdict { JudgeId = judge, CostUsd = judgeCost, ReferenceBased = referenceBased } },
            ],
        })];

    [Fact]
    public void Analyze_ModelJudgeSampled_AddsSampleRateTimesJudgeCostPerJudgedRequest()
    {
        var results = Judged("strong", "openai:gpt-4o", 0.0005m);
        var spec = Spec(Economics(), ("strong", "openai:x", Strong)) with { Rollout = new RolloutSpec { SampleRate = 0.05, Declared = true } };

        var e = CostAnalyzer.Analyze(spec, Report(results, ("strong", "openai:x", true)), Catalog, Now).Economics!;

        // Two verdicts of $0.0005 per judged request = $0.001, × 5% sampled = $0.00005 a request.
        Assert.Equal(0.00005m, e.OnlineJudgeCostPerRequest!.Value);
        Assert.Equal(ProvenanceKind.Derived, e.OnlineJudgeCostPerRequest.Source.Kind);
        Assert.Contains("rollout.sample_rate 0.05 × judge cost per judged request $0.0010 (measured, run " + RunId + ", 10 judged results, openai:gpt-4o)", e.OnlineJudgeCostPerRequest.Source.Detail, StringComparison.Ordinal);
        Assert.Equal(0.00215m, e.CostPerRequest.Value);           // 0.002 model + 0.0001 embeddings + 0.00005 judge
        Assert.Equal(0.645m, e.CostPerUserPerMonth.Value);
        Assert.Contains("| online judge per request (sampled) | $0.000050 |", CostMarkdown.Document(CostAnalyzer.Analyze(spec, Report(results, ("strong", "openai:x", true)), Catalog, Now)), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OfflineReferenceJudge_CostsZeroLabelledAsOffline()
    {
        var results = Judged("strong", "local:reference", null, referenceBased: true);
        var spec = Spec(Economics(), ("strong", "openai:x", Strong)) with { Rollout = new RolloutSpec { SampleRate = 0.05, Declared = true } };

        var e = CostAnalyzer.Analyze(spec, Report(results, ("strong", "openai:x", true)), Catalog, Now).Economics!;

        Assert.Equal(0m, e.OnlineJudgeCostPerRequest!.Value);
        Assert.Contains("offline reference judge (local:reference) costs nothing", e.OnlineJudgeCostPerRequest.Source.Detail, StringComparison.Ordinal);
        Assert.Contains("offline reference judge", e.OnlineJudge, StringComparison.Ordinal);
        Assert.Equal(0.0021m, e.CostPerRequest.Value);
    }

    [Fact]
    public void Analyze_JudgeWithoutPrice_IsUnknownNotZeroAndWarns()
    {
        var results = Judged("strong", "openai:gpt-4o", null);
        var spec = Spec(Economics(), ("strong", "openai:x", Strong)) with { Rollout = new RolloutSpec { SampleRate = 0.1, Declared = true } };

        var a = CostAnalyzer.Analyze(spec, Report(results, ("strong", "openai:x", true)), Catalog, Now);

        Assert.Null(a.Economics!.OnlineJudgeCostPerRequest);
        Assert.Contains(a.Warnings, w => w.StartsWith("the online judge's cost is unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_NoSampleRateDeclared_NoOnlineJudgeCostedAndSaysSo()
    {
        var results = Judged("strong", "openai:gpt-4o", 0.0005m);

        var e = CostAnalyzer.Analyze(Spec(Economics(), ("strong", "openai:x", Strong)), Report(results, ("strong", "openai:x", true)), Catalog, Now).Economics!;

        Assert.Equal(0m, e.OnlineJudgeCostPerRequest!.Value);
        Assert.Contains("rollout.sample_rate is not declared", e.OnlineJudge, StringComparison.Ordinal);
        Assert.Equal(0.0021m, e.CostPerRequest.Value);
    }
}
