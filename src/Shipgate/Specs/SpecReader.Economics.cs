namespace Shipgate.Specs;

/// <summary>Reads the <c>economics:</c> section (docs/cost.md).</summary>
internal sealed partial class SpecReader
{
    private static readonly string[] EconomicsKeys = ["traffic", "revenue_per_user_per_month", "other_costs_per_request", "scale", "guardrails"];
    private static readonly string[] TrafficKeys = ["users", "requests_per_user_per_day", "days_per_month"];
    private static readonly string[] OtherCostKeys = ["name", "usd"];
    private static readonly string[] CostGuardrailKeys = ["max_cost_per_request", "monthly_budget", "alert_at", "max_cost_per_user_per_day"];

    private EconomicsSpec? ReadEconomics(MappingReader root)
    {
        var r = _context.Mapping(root.Get("economics"), "'economics'", "economics", null, EconomicsKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var traffic = ReadTraffic(r);
        var revenue = AtMost(r, "revenue_per_user_per_month", r.Decimal("revenue_per_user_per_month", 0, required: true), TrafficSpec.MaxAmount, "USD");
        var others = ReadOtherCosts(r);
        var scale = ReadScale(r);
        var guardrails = ReadCostGuardrails(r);
        if (traffic is null || revenue is null)
        {
            return null;
        }

        if (revenue == 0)
        {
            _context.Error(r.Get("revenue_per_user_per_month")!.Location, "'economics.revenue_per_user_per_month' is 0, so AI cost as a share of revenue is undefined", "give the revenue one user brings per month (for a free feature: the revenue of the product it supports, per user)");
        }

        return new EconomicsSpec
        {
            Traffic = traffic,
            RevenuePerUserPerMonth = revenue.Value,
            OtherCostsPerRequest = others,
            Scale = scale,
            Guardrails = guardrails,
            Location = r.Location,
        };
    }

    private TrafficSpec? ReadTraffic(MappingReader economics)
    {
        var node = economics.Get("traffic");
        if (node is null)
        {
            economics.Missing("traffic", "add traffic: { users: 20000, requests_per_user_per_day: 3 }");
            return null;
        }

        var r = _context.Mapping(node, "'economics.traffic'", "economics.traffic", null, TrafficKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var users = r.Integer("users", 1, TrafficSpec.MaxUsers, required: true);
        var perDay = AtMost(r, "requests_per_user_per_day", r.Decimal("requests_per_user_per_day", 0, required: true), TrafficSpec.MaxRequestsPerUserPerDay, "requests");
        var days = r.Decimal("days_per_month", 0);
        if (days is > 31)
        {
            _context.Error(r.Get("days_per_month")!.Location, $"'economics.traffic.days_per_month' must be at most 31, got {days}", "use the days a month the feature is used (default 30)");
            days = null;
        }

        if (days == 0)
        {
            _context.Error(r.Get("days_per_month")!.Location, "'economics.traffic.days_per_month' must be greater than 0", "use the days a month the feature is used (default 30)");
            days = null;
        }

        return users is { } u && perDay is { } d ? new TrafficSpec { Users = u, RequestsPerUserPerDay = d, DaysPerMonth = days ?? 30m } : null;
    }

    private List<OtherCostSpec> ReadOtherCosts(MappingReader economics)
    {
        var result = new List<OtherCostSpec>();
        foreach (var item in economics.Sequence("other_costs_per_request")?.Items ?? [])
        {
            var r = _context.Mapping(item, "an other cost", null, "an item of 'economics.other_costs_per_request'", OtherCostKeys);
            if (r is null)
            {
                continue;
            }

            r.ReportUnknown();
            var name = r.String("name", required: true);
            var usd = AtMost(r, "usd", r.Decimal("usd", 0, required: true), TrafficSpec.MaxAmount, "USD");
            if (name is not null && usd is { } u)
            {
                result.Add(new OtherCostSpec(name, u));
            }
        }

        return result;
    }

    private List<decimal> ReadScale(MappingReader economics)
    {
        var seq = economics.Sequence("scale");
        if (seq is null)
        {
            return [1m, 10m];
        }

        var result = new List<decimal>();
        foreach (var item in seq.Items)
        {
            if (item is ScalarNode s && s.AsDecimal() is { } d && d > 0 && d <= TrafficSpec.MaxAmount)
            {
                result.Add(d);
            }
            else
            {
                _context.Error(item.Location, $"expected a positive number (at most {TrafficSpec.MaxAmount:#,0}) in 'economics.scale', got {item.Describe()}", "list multiples of today's users, e.g. [1, 10]");
            }
        }

        if (seq.Items.Count == 0)
        {
            _context.Error(seq.Location, "'economics.scale' is empty", "list multiples of today's users, e.g. [1, 10], or remove it for the default");
        }

        return result;
    }

    private CostGuardrailsSpec? ReadCostGuardrails(MappingReader economics)
    {
        var r = _context.Mapping(economics.Get("guardrails"), "'economics.guardrails'", "economics.guardrails", null, CostGuardrailKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var alerts = new List<decimal>();
        foreach (var item in r.Sequence("alert_at")?.Items ?? [])
        {
            if (item is ScalarNode s && s.AsDecimal() is { } d && d > 0 && d <= 2)
            {
                alerts.Add(d);
            }
            else
            {
                _context.Error(item.Location, $"expected a share of the monthly budget (greater than 0, at most 2) in 'economics.guardrails.alert_at', got {item.Describe()}", "write shares such as [0.5, 0.8, 1.0]");
            }
        }

        return new CostGuardrailsSpec
        {
            MaxCostPerRequest = AtMost(r, "max_cost_per_request", r.Decimal("max_cost_per_request", 0), TrafficSpec.MaxAmount, "USD"),
            MonthlyBudget = AtMost(r, "monthly_budget", r.Decimal("monthly_budget", 0), MaxMonthlyBudget, "USD"),
            AlertAt = alerts,
            MaxCostPerUserPerDay = AtMost(r, "max_cost_per_user_per_day", r.Decimal("max_cost_per_user_per_day", 0), TrafficSpec.MaxAmount, "USD"),
            Location = r.Location,
        };
    }

    /// <summary>A monthly budget far above any real one, and far below where the cost sums overflow.</summary>
    private const decimal MaxMonthlyBudget = 1_000_000_000_000_000m;

    /// <summary>Upper bound of an economics number, so huge values are a spec error here and not an overflow in 'shipgate cost'.</summary>
    private decimal? AtMost(MappingReader r, string key, decimal? value, decimal max, string unit)
    {
        if (value is not { } v || v <= max)
        {
            return value;
        }

        _context.Error(r.Get(key)!.Location, $"{r.Name(key)} must be at most {max.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)} {unit}, got {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "give a realistic value");
        return null;
    }
}
