using Shipgate.Runs;

namespace Shipgate.Calibration;

/// <summary>What imported labels may refer to: the feature's runs, the results of the default run, and the rubric's criteria.</summary>
public sealed record LabelTargets
{
    /// <summary>The run a row without <c>run_id</c> belongs to.</summary>
    public required RunRecord DefaultRun { get; init; }

    public required IReadOnlyList<ResultRecord> ResultsOfDefaultRun { get; init; }

    /// <summary>Every run of the feature; a row's <c>run_id</c> must be one of them.</summary>
    public required IReadOnlyList<RunRecord> Runs { get; init; }

    /// <summary>The rubric's criterion ids; a row's <c>criterion</c> must be one of them (empty: the spec has no rubric).</summary>
    public required IReadOnlyList<string> Criteria { get; init; }
}
