namespace Shipgate.Specs;

/// <summary>
/// What a candidate declares about itself for the selection matrix (<c>profile:</c>). Null means "not declared":
/// the price catalog may fill vendor, context window and image support, labelled as such; otherwise it is unknown.
/// </summary>
public sealed record CandidateProfile
{
    /// <summary>Who makes or serves the model, e.g. <c>openai</c>; used for vendor diversification.</summary>
    public string? Vendor { get; init; }

    /// <summary>Maximum input tokens.</summary>
    public long? ContextWindow { get; init; }

    /// <summary>Input kinds it accepts, e.g. <c>text</c>, <c>image</c>, <c>audio</c>.</summary>
    public IReadOnlyList<string>? Modalities { get; init; }

    public bool? FineTuning { get; init; }

    /// <summary>Where data may be processed, e.g. <c>us</c>, <c>eu</c>.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>The vendor contractually does not train on the feature's data.</summary>
    public bool? NoTraining { get; init; }

    /// <summary>Runs on infrastructure the team controls.</summary>
    public bool? SelfHosted { get; init; }
}
