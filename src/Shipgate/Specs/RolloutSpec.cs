namespace Shipgate.Specs;

/// <summary>Staged rollout stages and their gates (framework 2; docs/launch.md). Without a <c>rollout:</c> section, the framework's defaults.</summary>
public sealed record RolloutSpec
{
    public IReadOnlyList<RolloutStageSpec> Stages { get; init; } = RolloutStageSpec.Defaults;

    public RolloutGateSpec Gates { get; init; } = new();

    /// <summary>Share of production requests the online judge checks (0-1); null means "not declared" (the plan assumes all).</summary>
    public double? SampleRate { get; init; }

    /// <summary>True when the spec has a <c>rollout:</c> section (otherwise the plan says it used the defaults).</summary>
    public bool Declared { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
