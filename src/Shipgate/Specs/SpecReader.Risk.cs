namespace Shipgate.Specs;

/// <summary>Reads the <c>risk:</c> section (docs/risk.md).</summary>
internal sealed partial class SpecReader
{
    private static readonly string[] RiskKeys = ["severity", "detection", "budget", "mitigations"];
    private static readonly string[] RiskRatingKeys = ["level", "why"];
    private static readonly string[] RiskBudgetKeys = ["max_rate", "measured_by", "rollback_at"];

    private RiskSpec? ReadRisk(MappingReader root)
    {
        var r = _context.Mapping(root.Get("risk"), "'risk'", "risk", null, RiskKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var severity = ReadRiskRating(r, "severity", RiskLevels.SeverityNames, "what a hallucination costs", "high", "customers act on billing answers");
        var detection = ReadRiskRating(r, "detection", RiskLevels.DetectionNames, "how easily a wrong answer is noticed", "moderate", "customers can check the help centre, but rarely do");
        var budget = ReadRiskBudget(r);
        var mitigations = ReadRiskMitigations(r);
        if (severity is null || detection is null)
        {
            return null;
        }

        RiskLevels.TryParseSeverity(severity.Value.Level, out var severityLevel);
        RiskLevels.TryParseDetection(detection.Value.Level, out var detectionLevel);
        return new RiskSpec
        {
            Severity = new SeverityRating(severityLevel, severity.Value.Why, severity.Value.Location),
            Detection = new DetectionRating(detectionLevel, detection.Value.Why, detection.Value.Location),
            Budget = budget,
            Mitigations = mitigations,
            Location = r.Location,
        };
    }

    /// <summary>Reads <c>{ level, why }</c>; null (with the error reported) when either is missing or wrong.</summary>
    private (string Level, string Why, SourceLocation Location)? ReadRiskRating(MappingReader risk, string key, IReadOnlyList<string> levels, string meaning, string exampleLevel, string exampleWhy)
    {
        var node = risk.Get(key);
        var example = $"write {key}: {{ level: {exampleLevel}, why: \"{exampleWhy}\" }}; levels: {string.Join(", ", levels)}";
        if (node is null)
        {
            risk.Missing(key, $"rate {meaning}: {example}");
            return null;
        }

        if (node is ScalarNode scalar)
        {
            var known = levels.Contains(scalar.Value.Trim(), StringComparer.Ordinal);
            _context.Error(scalar.Location, known
                ? $"'risk.{key}' needs a one-line reason as well as the level"
                : $"expected a mapping with 'level' and 'why' for 'risk.{key}', got {scalar.Describe()}", example);
            return null;
        }

        var r = _context.Mapping(node, $"'risk.{key}'", $"risk.{key}", null, RiskRatingKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var levelNode = r.Scalar("level", "a level", required: true);
        string? level = null;
        if (levelNode is not null)
        {
            if (levels.Contains(levelNode.Value.Trim(), StringComparer.Ordinal))
            {
                level = levelNode.Value.Trim();
            }
            else
            {
                _context.Error(levelNode.Location, $"unknown {key} level '{levelNode.Value}' for 'risk.{key}.level'", DidYouMean.Hint(levelNode.Value, levels.ToList(), "levels"));
            }
        }

        var whyNode = r.Scalar("why", "a one-line reason", required: true);
        string? why = null;
        if (whyNode is not null)
        {
            var text = whyNode.Value.Trim();
            if (text.Length == 0)
            {
                _context.Error(whyNode.Location, $"'risk.{key}.why' is empty", $"say in one line why the {key} is what it is, e.g. \"{exampleWhy}\"");
            }
            else if (text.Contains('\n', StringComparison.Ordinal))
            {
                _context.Error(whyNode.Location, $"'risk.{key}.why' must be one line", "keep the reason to one sentence; put longer notes in a comment");
            }
            else
            {
                why = text;
            }
        }

        return level is null || why is null ? null : (level, why, r.Location);
    }

    private HallucinationBudget? ReadRiskBudget(MappingReader risk)
    {
        var r = _context.Mapping(risk.Get("budget"), "'risk.budget'", "risk.budget", null, RiskBudgetKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var maxRate = r.Double("max_rate", 0, 1, required: true);
        var measuredNode = r.Scalar("measured_by", "a sentence", required: true);
        var measuredBy = measuredNode?.Value.Trim();
        if (measuredNode is not null && measuredBy!.Length == 0)
        {
            _context.Error(measuredNode.Location, "'risk.budget.measured_by' is empty", "say how the rate is measured, e.g. \"grounded assertion on every suite case; in production a sampled judge\"");
            measuredBy = null;
        }

        var rollbackAt = r.Double("rollback_at", 0, 1);
        if (rollbackAt is { } rollback && maxRate is { } max && rollback < max)
        {
            _context.Error(r.Get("rollback_at")!.Location, $"'risk.budget.rollback_at' ({RiskNumber(rollback)}) is below 'risk.budget.max_rate' ({RiskNumber(max)})",
                "the rollback trigger must be at least the acceptable rate: raise rollback_at or lower max_rate");
            rollbackAt = null;
        }

        return maxRate is { } m && measuredBy is not null
            ? new HallucinationBudget { MaxRate = m, MeasuredBy = measuredBy, RollbackAt = rollbackAt, Location = r.Location }
            : null;
    }

    private List<string> ReadRiskMitigations(MappingReader risk)
    {
        var result = new List<string>();
        foreach (var node in risk.Strings("mitigations") ?? [])
        {
            var id = node.Value.Trim();
            if (!MitigationIds.All.Contains(id, StringComparer.Ordinal))
            {
                _context.Error(node.Location, $"unknown mitigation '{node.Value}' in 'risk.mitigations'", DidYouMean.Hint(id, MitigationIds.All.ToList(), "known mitigations"));
            }
            else if (result.Contains(id, StringComparer.Ordinal))
            {
                _context.Error(node.Location, $"mitigation '{id}' is listed twice in 'risk.mitigations'", "keep one of them");
            }
            else
            {
                result.Add(id);
            }
        }

        return result;
    }

    private static string RiskNumber(double d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
