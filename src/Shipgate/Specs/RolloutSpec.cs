namespace Shipgate.Specs;

/// <summary>Staged rollout stages and their gates (framework 2; docs/launch.md).</summary>
public sealed record RolloutSpec
{
    public SourceLocation Location { get; init; } = SourceLocation.FileOnly("");
}
