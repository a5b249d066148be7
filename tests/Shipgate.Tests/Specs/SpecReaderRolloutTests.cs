using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SpecReaderRolloutTests
{
    private const string Spec = SpecHead.Lines + """
        suite:
          files:
            - cases/*.yaml

        """;

    private const string OneCase = "- id: c1\n  vars: { question: hi }\n";

    [Fact]
    public void Read_NoSection_UsesTheFrameworksStages()
    {
        using var f = new TempFeature();
        var spec = f.Write("shipgate.yaml", Spec).Write("cases/a.yaml", OneCase).Load();

        Assert.False(spec.Rollout.Declared);
        Assert.Equal(["shadow", "internal", "5%", "25%", "100%"], spec.Rollout.Stages.Select(s => s.Name));
        Assert.Equal(RolloutAudience.Shadow, spec.Rollout.Stages[0].Audience);
        Assert.Equal(100, spec.Rollout.Stages[^1].TrafficPercent);
    }

    [Fact]
    public void Read_DeclaredStagesAndGates_AreKept()
    {
        using var f = new TempFeature();
        var spec = f.Write("shipgate.yaml", Spec + """
            rollout:
              stages:
                - { name: shadow, audience: shadow, min_days: 1 }
                - { name: canary, traffic: 10, min_requests: 300, min_days: 2 }
                - { name: all, traffic: 100 }
              gates:
                max_negative_feedback_rate: 0.1
                max_cost_per_request: 0.004

            """).Write("cases/a.yaml", OneCase).Load();

        Assert.True(spec.Rollout.Declared);
        Assert.Equal(3, spec.Rollout.Stages.Count);
        Assert.Equal(300, spec.Rollout.Stages[1].MinRequests);
        Assert.Equal(10, spec.Rollout.Stages[1].TrafficPercent);
        Assert.Equal(0.1, spec.Rollout.Gates.MaxNegativeFeedbackRate);
        Assert.Equal(0.004m, spec.Rollout.Gates.MaxCostPerRequest);
    }

    [Fact]
    public void Read_TrafficShrinks_NamesTheStage()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", Spec + """
            rollout:
              stages:
                - { name: wide, traffic: 25 }
                - { name: narrow, traffic: 5 }
                - { name: all, traffic: 100 }

            """).Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Equal(16, e.Location.Line);
        Assert.Contains("'narrow' shows the feature to 5% of users, fewer than 'wide'", e.Message, StringComparison.Ordinal);
        Assert.Equal("order stages so traffic only grows", e.Hint);
    }

    [Fact]
    public void Read_LastStageBelowAll_SaysToEndAtHundred()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", Spec + "rollout:\n  stages:\n    - { name: canary, traffic: 5 }\n").Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Contains("reaches 5% of users, not 100%", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownAudienceAndMissingTraffic_AreBothReported()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", Spec + """
            rollout:
              stages:
                - { name: staff, audience: employees }
                - { name: some }
                - { name: all, traffic: 100 }

            """).Write("cases/a.yaml", OneCase);

        var errors = f.Errors();

        Assert.Contains(errors, e => e.Message.Contains("unknown audience 'employees'", StringComparison.Ordinal) && e.Location.Line == 15);
        Assert.Contains(errors, e => e.Message.Contains("'traffic'", StringComparison.Ordinal) && e.Location.Line == 16);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Read_ShadowWithTraffic_IsAnError()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", Spec + "rollout:\n  stages:\n    - { name: s, audience: shadow, traffic: 5 }\n    - { name: all, traffic: 100 }\n").Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Contains("traffic must be 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MisspeltTraffic_IsTheOnlyError()
    {
        using var f = new TempFeature();
        f.Write("shipgate.yaml", Spec + "rollout:\n  stages:\n    - { name: canary, trafic: 5 }\n    - { name: all, traffic: 100 }\n").Write("cases/a.yaml", OneCase);

        var e = f.SingleError();

        Assert.Contains("unknown key 'trafic'", e.Message, StringComparison.Ordinal);
        Assert.Equal("did you mean 'traffic'?", e.Hint);
    }
}
