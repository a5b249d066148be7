using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SpecReaderSelectionTests
{
    /// <summary>Lines 1-12 (candidates: on line 12); candidates and the selection block follow from line 13.</summary>
    private const string Head = """
        version: 1
        feature:
          name: refunds
        prompts:
          - id: answer
            user: "Q: {{question}}"
        suite:
          cases:
            - id: c1
              vars: { question: hi }
              assertions: [{ type: icontains, value: hi }]
        candidates:

        """;

    private const string Baseline = """
          - id: baseline
            provider: local:extractive

        """;

    private static TempFeature Feature(string rest) => new TempFeature().Write("shipgate.yaml", Head + rest);

    [Fact]
    public void Read_CandidateSelectionFields_AreParsed()
    {
        using var f = Feature("""
              - id: mini
                provider: openai:gpt-4o-mini
                api_key_env: OPENAI_API_KEY
                optional: true
                tier: efficient
                family: gpt-4o
                profile:
                  vendor: OpenAI
                  context_window: 128000
                  modalities: [text, image]
                  fine_tuning: true
                  regions: [us, EU]
                  no_training: true
                  self_hosted: false
              - id: local
                provider: local:extractive
                tier: open-source
            """);

        var spec = f.Load();

        var mini = spec.Candidates[0];
        Assert.Equal(CandidateTier.Efficient, mini.Tier);
        Assert.Equal("gpt-4o", mini.Family);
        Assert.True(mini.Optional);
        Assert.Equal("openai", mini.Profile.Vendor);
        Assert.Equal(128000, mini.Profile.ContextWindow);
        Assert.Equal(["text", "image"], mini.Profile.Modalities);
        Assert.Equal(["us", "eu"], mini.Profile.Regions);
        Assert.True(mini.Profile.FineTuning);
        Assert.True(mini.Profile.NoTraining);
        Assert.False(mini.Profile.SelfHosted);
        Assert.Equal(CandidateTier.OpenSource, spec.Candidates[1].Tier);
        Assert.False(spec.Candidates[1].Optional);
        Assert.Null(spec.Candidates[1].Profile.Vendor);
        Assert.Null(spec.Selection);
    }

    [Fact]
    public void Read_FullSelection_IsParsedWithDefaults()
    {
        using var f = Feature(Baseline + """
            selection:
              requirements:
                quality:   { weight: 5, metric: pass_rate, min: 0.8, hard: true }
                latency:   { weight: 3, p95_ms: 2000 }
                cost:      { weight: 4, max_per_request: 0.002 }
                privacy:   { weight: 4, regions: [eu], no_training: true, hard: true }
                context:   { weight: 2, min_tokens: 16000 }
                modality:  { weight: 1, needs: [text] }
                fine_tuning: { weight: 1 }
                vendor_diversity: { weight: 2 }
              review:
                quality_drop: 0.25
            """);

        var selection = f.Load().Selection!;

        Assert.Equal(8, selection.Requirements.Count);
        var quality = selection.Get(RequirementKind.Quality)!;
        Assert.Equal((5, true, QualityMetric.PassRate, 0.8), (quality.Weight, quality.Hard, quality.Metric, quality.Min!.Value));
        Assert.Equal(2000, selection.Get(RequirementKind.Latency)!.P95Ms);
        Assert.Equal(0.002m, selection.Get(RequirementKind.Cost)!.MaxPerRequest);
        Assert.Equal(["eu"], selection.Get(RequirementKind.Privacy)!.Regions);
        Assert.Equal(16000, selection.Get(RequirementKind.Context)!.MinTokens);
        Assert.Equal(["text"], selection.Get(RequirementKind.Modality)!.Needs);
        Assert.True(selection.Get(RequirementKind.FineTuning)!.Needed);
        Assert.Equal(2, selection.Get(RequirementKind.VendorDiversity)!.MinVendors);
        Assert.Equal(0.20, selection.Review.PriceChange);
        Assert.Equal(0.25, selection.Review.QualityDrop);
        Assert.Equal(180, selection.Review.MaxAgeDays);
        Assert.Equal(0.3, selection.Routing.Holdout);
        Assert.Equal(7, selection.Routing.Seed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Read_WeightOutOfRange_ErrorNamesLineAndField(int weight)
    {
        using var f = Feature(Baseline + $$"""
            selection:
              requirements:
                latency: { weight: {{weight}}, p95_ms: 2000 }
            """);

        var error = f.SingleError();

        Assert.Equal(17, error.Location.Line);
        Assert.Contains("selection.requirements.latency.weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingWeight_SaysTheScale()
    {
        using var f = Feature(Baseline + """
            selection:
              requirements:
                latency: { p95_ms: 2000 }
            """);

        var error = f.SingleError();

        Assert.Contains("weight", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 (nice to have) to 5 (critical)", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownTier_SuggestsTheClosest()
    {
        using var f = Feature("""
              - id: baseline
                provider: local:extractive
                tier: frontiers
            """);

        var error = f.SingleError();

        Assert.Equal(15, error.Location.Line);
        Assert.Contains("unknown tier 'frontiers'", error.Message, StringComparison.Ordinal);
        Assert.Contains("frontier", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MetricTypo_SuggestsTheClosest()
    {
        using var f = Feature(Baseline + """
            selection:
              requirements:
                quality: { weight: 5, metric: rubric_maen }
            """);

        var error = f.SingleError();

        Assert.Contains("unknown quality metric 'rubric_maen'", error.Message, StringComparison.Ordinal);
        Assert.Contains("rubric_mean", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownRequirement_IsReportedWithSuggestion()
    {
        using var f = Feature(Baseline + """
            selection:
              requirements:
                latency: { weight: 3, p95_ms: 2000 }
                privasy: { weight: 3 }
            """);

        var error = f.SingleError();

        Assert.Contains("privasy", error.Message, StringComparison.Ordinal);
        Assert.Contains("privacy", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RubricMinOutsideScale_IsAnError()
    {
        using var f = Feature(Baseline + """
            selection:
              requirements:
                quality: { weight: 5, metric: rubric_mean, min: 0.8, hard: true }
            """);

        Assert.Contains("selection.requirements.quality.min", f.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HardQualityWithoutMin_SaysWhatToAdd()
    {
        using var f = Feature(Baseline + """
            selection:
              requirements:
                quality: { weight: 5, hard: true }
            """);

        Assert.Contains("min", f.SingleError().Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OptionalCandidateWithoutVariable_IsAnError()
    {
        using var f = Feature("""
              - id: baseline
                provider: local:extractive
                optional: true
            """);

        var error = f.SingleError();

        Assert.Contains("optional", error.Message, StringComparison.Ordinal);
        Assert.Contains("api_key_env", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownModality_IsAnError()
    {
        using var f = Feature("""
              - id: baseline
                provider: local:extractive
                profile: { modalities: [text, imgae] }
            """);

        Assert.Contains("unknown modality 'imgae'", f.SingleError().Message, StringComparison.Ordinal);
    }
    [Fact]
    public void Read_SafetyPassRateShipGateAndRequestTags_AreParsed()
    {
        using var f = Feature(Baseline + """
            selection:
              requirements:
                quality: { weight: 5, metric: rubric_mean, min: 4.0 }
                pass_rate: { weight: 3, min: 0.8, hard: true }
                safety: { weight: 5, hard: true }
                ship_gate: { weight: 2, hard: true }
              routing:
                request_tags: [edge, safety]
            """);

        var selection = f.Load().Selection!;

        Assert.Equal(0.8, selection.Get(RequirementKind.PassRate)!.Min);
        Assert.True(selection.Get(RequirementKind.PassRate)!.Hard);
        Assert.Equal(0, selection.Get(RequirementKind.Safety)!.MaxFailures);
        Assert.True(selection.Get(RequirementKind.ShipGate)!.Hard);
        Assert.Equal(4.0, selection.Get(RequirementKind.Quality)!.Min);
        Assert.Equal(["edge", "safety"], selection.Routing.RequestTags);
        Assert.Equal("ship_gate", selection.Get(RequirementKind.ShipGate)!.Key);
    }

    [Theory]
    [InlineData("safety: { weight: 5, max_failures: -1 }", "selection.requirements.safety.max_failures")]
    [InlineData("pass_rate: { weight: 3, min: 1.5 }", "selection.requirements.pass_rate.min")]
    [InlineData("pass_rate: { weight: 3, hard: true }", "'selection.requirements.pass_rate' is hard but has no 'min'")]
    [InlineData("ship_gate: { weight: 3, hard: true, min: 1 }", "min")]
    [InlineData("safety: { hard: true }", "weight")]
    public void Read_BadNewRequirement_ErrorOnItsLine(string requirement, string expected)
    {
        using var f = Feature(Baseline + $$"""
            selection:
              requirements:
                {{requirement}}
            """);

        var error = f.SingleError();

        Assert.Equal(17, error.Location.Line);
        Assert.True(error.Location.Column > 0);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyRequestTag_IsAnErrorOnItsLine()
    {
        using var f = Feature(Baseline + """
            selection:
              requirements:
                latency: { weight: 3, p95_ms: 2000 }
              routing:
                request_tags: [edge, " "]
            """);

        var error = f.SingleError();

        Assert.Equal(19, error.Location.Line);
        Assert.Contains("request_tags", error.Message, StringComparison.Ordinal);
    }
}
