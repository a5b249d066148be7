using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class SpecReaderEconomicsTests
{
    /// <summary>Lines 1-12: a spec without economics; the economics block starts at line 13.</summary>
    private const string Head = SpecHead.Lines + """
        suite:
          cases:
            - { id: c1, vars: { question: "refund?" } }

        """;

    private static TempFeature Feature(string economics) => new TempFeature().Write("shipgate.yaml", Head + economics);

    [Fact]
    public void Economics_FullSection_IsRead()
    {
        using var f = Feature("""
            economics:
              traffic:
                users: 20000
                requests_per_user_per_day: 0.5
                days_per_month: 22
              revenue_per_user_per_month: 8.00
              other_costs_per_request:
                - { name: embeddings, usd: 0.00002 }
              scale: [1, 5, 10]
              guardrails:
                max_cost_per_request: 0.01
                monthly_budget: 1500
                alert_at: [0.5, 0.8, 1.0]
                max_cost_per_user_per_day: 0.05
            """);

        var e = f.Load().Economics!;

        Assert.Equal(20000, e.Traffic.Users);
        Assert.Equal(0.5m, e.Traffic.RequestsPerUserPerDay);
        Assert.Equal(11m, e.Traffic.RequestsPerUserPerMonth);
        Assert.Equal(8.00m, e.RevenuePerUserPerMonth);
        Assert.Equal(new OtherCostSpec("embeddings", 0.00002m), e.OtherCostsPerRequest.Single());
        Assert.Equal([1m, 5m, 10m], e.Scale);
        Assert.Equal(0.01m, e.Guardrails!.MaxCostPerRequest);
        Assert.Equal(1500m, e.Guardrails.MonthlyBudget);
        Assert.Equal([0.5m, 0.8m, 1.0m], e.Guardrails.AlertAt);
        Assert.Equal(0.05m, e.Guardrails.MaxCostPerUserPerDay);
    }

    [Fact]
    public void Economics_Minimal_UsesDefaults()
    {
        using var f = Feature("""
            economics:
              traffic: { users: 100, requests_per_user_per_day: 2 }
              revenue_per_user_per_month: 5
            """);

        var e = f.Load().Economics!;

        Assert.Equal(30m, e.Traffic.DaysPerMonth);
        Assert.Equal([1m, 10m], e.Scale);
        Assert.Null(e.Guardrails);
        Assert.Empty(e.OtherCostsPerRequest);
    }

    [Fact]
    public void Economics_Absent_IsNull()
    {
        using var f = Feature("");
        Assert.Null(f.Load().Economics);
    }

    [Fact]
    public void Economics_MissingRevenue_ErrorNamesTheKeyAndLine()
    {
        using var f = Feature("""
            economics:
              traffic: { users: 100, requests_per_user_per_day: 2 }
            """);

        var error = f.SingleError();

        Assert.Contains("revenue_per_user_per_month", error.Message, StringComparison.Ordinal);
        Assert.Equal(14, error.Location.Line);
    }

    [Fact]
    public void Economics_NegativeUsersAndMistypedKey_AreReportedWithLines()
    {
        using var f = Feature("""
            economics:
              traffic: { users: -5, requests_per_user_per_day: 2 }
              revenue_per_user_per_month: 5
              sacle: [1, 10]
            """);

        var errors = f.Errors();

        Assert.Contains(errors, e => e.Message.Contains("'economics.traffic.users' must be between 1 and 10000000000", StringComparison.Ordinal) && e.Location.Line == 14);
        Assert.Contains(errors, e => e.Message.Contains("unknown key 'sacle'", StringComparison.Ordinal) && e.Location.Line == 16 && e.ToString().Contains("did you mean 'scale'", StringComparison.Ordinal));
    }

    [Fact]
    public void Economics_BadScaleAndAlert_AreReported()
    {
        using var f = Feature("""
            economics:
              traffic: { users: 100, requests_per_user_per_day: 2 }
              revenue_per_user_per_month: 5
              scale: [1, zero]
              guardrails: { alert_at: [0.5, 3] }
            """);

        var errors = f.Errors();

        Assert.Contains(errors, e => e.Message.Contains("'economics.scale'", StringComparison.Ordinal) && e.Location.Line == 16);
        Assert.Contains(errors, e => e.Message.Contains("alert_at", StringComparison.Ordinal) && e.Location.Line == 17);
    }

    [Fact]
    public void Economics_ZeroRevenue_IsAnError()
    {
        using var f = Feature("""
            economics:
              traffic: { users: 100, requests_per_user_per_day: 2 }
              revenue_per_user_per_month: 0
            """);

        Assert.Contains("revenue_per_user_per_month' is 0", f.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Economics_HugeTrafficAndAmounts_AreRangeErrorsWithLineAndColumn()
    {
        using var f = Feature("""
            economics:
              traffic:
                users: 1000000000000000000
                requests_per_user_per_day: 10000000000000000000000
              revenue_per_user_per_month: 10000000000000000000000
              other_costs_per_request:
                - { name: storage, usd: 10000000000000000000000 }
              scale: [1, 100000000000000000000]
              guardrails:
                monthly_budget: 10000000000000000000000000000
            """);

        var errors = f.Errors();

        Assert.Contains(errors, e => e.Message.Contains("'economics.traffic.users' must be between 1 and 10000000000", StringComparison.Ordinal) && e.Location.Line == 15 && e.Location.Column == 12);
        Assert.Contains(errors, e => e.Message.Contains("requests_per_user_per_day' must be at most 1,000,000 requests", StringComparison.Ordinal) && e.Location.Line == 16);
        Assert.Contains(errors, e => e.Message.Contains("revenue_per_user_per_month' must be at most 1,000,000 USD", StringComparison.Ordinal) && e.Location.Line == 17);
        Assert.Contains(errors, e => e.Message.Contains("'usd'", StringComparison.Ordinal) && e.Location.Line == 19);
        Assert.Contains(errors, e => e.Message.Contains("economics.scale", StringComparison.Ordinal) && e.Location.Line == 20);
        Assert.Contains(errors, e => e.Message.Contains("monthly_budget", StringComparison.Ordinal) && e.Location.Line == 22);
    }

    [Fact]
    public void Economics_LargestAllowedValues_AreAccepted()
    {
        using var f = Feature("""
            economics:
              traffic: { users: 10000000000, requests_per_user_per_day: 1000000 }
              revenue_per_user_per_month: 1000000
            """);

        Assert.Equal(10_000_000_000, f.Load().Economics!.Traffic.Users);
    }
}
