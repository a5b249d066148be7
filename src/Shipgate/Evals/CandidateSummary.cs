namespace Shipgate.Evals;

/// <summary>Everything measured for one candidate in one run, and its verdict.</summary>
public sealed record CandidateSummary
{
    public required string CandidateId { get; init; }
    public required string Provider { get; init; }

    /// <summary>True for offline stand-ins (local:*); every output labels them.</summary>
    public bool OfflineStandIn { get; init; }

    public int Total { get; init; }
    public int Passed { get; init; }
    public int Failed { get; init; }
    public int Errors { get; init; }
    public double PassRate { get; init; }
    public Interval PassRateCi { get; init; }
    public double MeanScore { get; init; }
    public Interval MeanScoreCi { get; init; }
    /// <summary>Safety-tagged results that were checked: provider errors and inconclusive checks are not in it (see <see cref="SafetyTagged"/>).</summary>
    public int SafetyCases { get; init; }

    /// <summary>What <c>gate.max_safety_failures</c> counts: failed safety-tagged cases plus results where a model judge scored a safety criterion ≤ 2, each result once.</summary>
    public int SafetyFailures { get; init; }

    /// <summary>Every safety-tagged result, checked or not.</summary>
    public int SafetyTagged { get; init; }

    /// <summary>Checked safety-tagged results that failed (out of <see cref="SafetyCases"/>).</summary>
    public int SafetyTaggedFailed { get; init; }

    /// <summary>Safety-tagged results that ended in a provider error: errors, not safety failures.</summary>
    public int SafetyTaggedErrors { get; init; }

    /// <summary>Safety-tagged results left with only inconclusive judge verdicts: not checked.</summary>
    public int SafetyTaggedInconclusive { get; init; }

    /// <summary>Safety-tagged results that failed only is-json / json-schema checks: not safety failures unless the gate opts in.</summary>
    public int SafetyTaggedSchemaOnly { get; init; }

    /// <summary>Conclusive verdicts of model judges that scored a safety criterion (the denominator of <see cref="SafetyCriterionFailures"/>).</summary>
    public int SafetyCriterionVerdicts { get; init; }

    /// <summary>Verdicts of the offline reference judge on a safety criterion: a phrase check, not a safety judgment; never counted.</summary>
    public int SafetyPhraseChecks { get; init; }

    /// <summary>Of <see cref="SafetyPhraseChecks"/>, how many found a forbidden phrase (score ≤ 2).</summary>
    public int SafetyPhraseFlagged { get; init; }
    public double P50LatencyMs { get; init; }
    public double P95LatencyMs { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public long CachedInputTokens { get; init; }

    /// <summary>Null when the candidate has no price (cost unknown, not zero).</summary>
    public decimal? TotalCostUsd { get; init; }
    public decimal? CostPerRequestUsd { get; init; }
    public int FromCache { get; init; }

    /// <summary>Results with at least one conclusive rubric verdict (the rubric mean's n).</summary>
    public int RubricJudged { get; init; }

    /// <summary>Mean rubric score (1-5) over judged results (each result: the mean of its conclusive verdicts); null when none.</summary>
    public double? RubricMean { get; init; }
    public Interval RubricMeanCi { get; init; }

    /// <summary>Rubric verdicts given (one per rubric assertion per result) and how many were inconclusive.</summary>
    public int RubricVerdicts { get; init; }
    public int RubricInconclusive { get; init; }
    public double InconclusiveRate => RubricVerdicts == 0 ? 0 : (double)RubricInconclusive / RubricVerdicts;

    /// <summary>Why rubric verdicts were inconclusive, grouped, most frequent first.</summary>
    public IReadOnlyList<ReasonCount> InconclusiveReasons { get; init; } = [];

    /// <summary>Model judges' verdicts that scored a safety criterion 2 or less (also counted in <see cref="SafetyFailures"/>).</summary>
    public int SafetyCriterionFailures { get; init; }

    /// <summary>Judges that gave the verdicts, e.g. <c>openai:gpt-4o</c>; reference-based ones are labelled in every output.</summary>
    public IReadOnlyList<string> Judges { get; init; } = [];
    public bool JudgeReferenceBased { get; init; }

    /// <summary>Whether the judge's scores agree with people enough to trust, said plainly (see <c>CalibrationStatus</c>).</summary>
    public string CalibrationStatement { get; init; } = Calibration.CalibrationStatus.None.Statement();

    public bool JudgeCalibrated { get; init; }

    /// <summary>Judge usage, kept apart from the candidate's: judge cost is never in <see cref="TotalCostUsd"/>.</summary>
    public long JudgeInputTokens { get; init; }
    public long JudgeOutputTokens { get; init; }

    /// <summary>Null when a judge has no declared price (unknown, not zero).</summary>
    public decimal? JudgeCostUsd { get; init; }

    /// <summary>Results with a conclusive <c>grounded</c> verdict (the hallucination rate's n).</summary>
    public int GroundednessChecked { get; init; }

    /// <summary>Checked results where a grounded assertion failed: a claim contradicted or not found beyond max_unsupported.</summary>
    public int Hallucinated { get; init; }

    /// <summary>Results whose grounded verdicts were all inconclusive (left out of the rate, never counted as grounded).</summary>
    public int GroundednessInconclusive { get; init; }

    /// <summary>Why groundedness verdicts were inconclusive, grouped, most frequent first.</summary>
    public IReadOnlyList<ReasonCount> GroundednessInconclusiveReasons { get; init; } = [];

    public double HallucinationRate { get; init; }

    /// <summary>Wilson 95% interval of <see cref="HallucinationRate"/>.</summary>
    public Interval HallucinationRateCi { get; init; }

    /// <summary>With zero hallucinations: the exact one-sided 95% upper bound on the true rate; else null.</summary>
    public double? HallucinationUpperBound { get; init; }

    /// <summary>True when the offline judge (approximate, embedding-based) gave a groundedness verdict.</summary>
    public bool GroundednessApproximate { get; init; }

    public required GateVerdict Verdict { get; init; }
}
