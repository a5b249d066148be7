namespace Shipgate.Specs;

/// <summary>
/// One requirement under <c>selection.requirements</c>: a weight 1-5 and, when <see cref="Hard"/>, a constraint a
/// candidate must meet to stay in the running. Only the fields of its <see cref="Kind"/> are set.
/// </summary>
public sealed record SelectionRequirement
{
    public required RequirementKind Kind { get; init; }

    /// <summary>1 (nice to have) to 5 (critical).</summary>
    public required int Weight { get; init; }

    public bool Hard { get; init; }

    /// <summary>quality: which figure, and the bar (in that figure's unit); pass_rate: the bar (0-1).</summary>
    public QualityMetric Metric { get; init; } = QualityMetric.RubricMean;
    public double? Min { get; init; }

    /// <summary>safety: most safety failures (as the ship gate counts them) a candidate may have.</summary>
    public int? MaxFailures { get; init; }

    /// <summary>latency: p95 target in ms.</summary>
    public double? P95Ms { get; init; }

    /// <summary>cost: budget per request in USD.</summary>
    public decimal? MaxPerRequest { get; init; }

    /// <summary>privacy: regions that must all be offered, no-training, self-hosted.</summary>
    public IReadOnlyList<string>? Regions { get; init; }
    public bool? NoTraining { get; init; }
    public bool? SelfHosted { get; init; }

    /// <summary>context: minimum context window in tokens.</summary>
    public long? MinTokens { get; init; }

    /// <summary>modality: input kinds needed.</summary>
    public IReadOnlyList<string>? Needs { get; init; }

    /// <summary>fine_tuning: whether fine-tuning is needed.</summary>
    public bool? Needed { get; init; }

    /// <summary>vendor_diversity: distinct vendors wanted among the candidates that pass every hard constraint.</summary>
    public int? MinVendors { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");

    /// <summary>The spec key, e.g. <c>fine_tuning</c>.</summary>
    public string Key => KeyOf(Kind);

    public static string KeyOf(RequirementKind kind) => kind switch
    {
        RequirementKind.FineTuning => "fine_tuning",
        RequirementKind.PassRate => "pass_rate",
        RequirementKind.ShipGate => "ship_gate",
        RequirementKind.VendorDiversity => "vendor_diversity",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
