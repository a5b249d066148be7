namespace Shipgate.Specs;

/// <summary>A loaded, validated <c>shipgate.yaml</c>: the AI feature every command works on.</summary>
public sealed record FeatureSpec
{
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Absolute path of the feature folder (the one holding shipgate.yaml).</summary>
    public required string RootDirectory { get; init; }

    /// <summary>Absolute path of the spec file.</summary>
    public required string SpecFile { get; init; }

    /// <summary>Absolute paths of the knowledge files (documents answers must be grounded in).</summary>
    public IReadOnlyList<string> KnowledgeFiles { get; init; } = [];

    public required IReadOnlyList<PromptTemplate> Prompts { get; init; }
    public required IReadOnlyList<CandidateSpec> Candidates { get; init; }
    public required IReadOnlyList<EvalCase> Cases { get; init; }

    /// <summary>Assertions applied to every case, before the case's own.</summary>
    public IReadOnlyList<AssertionSpec> DefaultAssertions { get; init; } = [];

    /// <summary>The rubric that <c>rubric</c> assertions score against; null when the spec declares none.</summary>
    public Rubric? Rubric { get; init; }

    /// <summary>Judges from <c>judge:</c> (one) or <c>judges:</c> (several); the first is the default of rubric assertions.</summary>
    public IReadOnlyList<JudgeSpec> Judges { get; init; } = [];

    public ShipGateSpec Gate { get; init; } = new();
    public RunSettings Run { get; init; } = new();

    /// <summary>Model selection requirements (framework 3); null when the spec declares none.</summary>
    public SelectionSpec? Selection { get; init; }

    /// <summary>Traffic and revenue model for unit economics (framework 4); null when the spec declares none.</summary>
    public EconomicsSpec? Economics { get; init; }

    /// <summary>Hallucination risk profile and budget (framework 5); null when the spec declares none.</summary>
    public RiskSpec? Risk { get; init; }

    /// <summary>Staged rollout plan (framework 2); defaults to shadow, internal, 5%, 25%, 100%.</summary>
    public RolloutSpec Rollout { get; init; } = new();

    /// <summary>
    /// SHA-256 of what a run depends on: the spec without its decision sections (selection, economics, risk, rollout) and
    /// every file it pulled in. A run records it, so reports can say what was tested and launch knows when to re-run.
    /// </summary>
    public string ContentHash { get; init; } = "";

    /// <summary>The folder where runs, cache and reports live (<c>.shipgate/</c> beside the spec).</summary>
    public string StateDirectory => Path.Combine(RootDirectory, ".shipgate");
}
