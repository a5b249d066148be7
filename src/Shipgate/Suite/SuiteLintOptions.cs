namespace Shipgate.Suite;

/// <summary>Thresholds of <see cref="SuiteLinter"/>. Defaults follow the framework's advice.</summary>
public sealed class SuiteLintOptions
{
    /// <summary>Cosine similarity of two cases' inputs at or above which they are near-duplicates. Default 0.95.</summary>
    public double DuplicateThreshold { get; set; } = 0.95;

    /// <summary>Days without a case added from production before lint says so. Default 30.</summary>
    public int StaleDays { get; set; } = 30;

    /// <summary>Fewer cases than this is a warning. Default 50.</summary>
    public int MinCases { get; set; } = 50;

    /// <summary>More cases than this is worth a note (slow, costly runs). Default 100.</summary>
    public int MaxCases { get; set; } = 100;

    /// <summary>Smallest share of the suite each of happy, edge and adversarial should have. Default 0.10.</summary>
    public double MinCategoryShare { get; set; } = 0.10;

    /// <summary>Human labels recorded for the judge so far; 0 means the judge is uncalibrated.</summary>
    public int HumanLabelCount { get; set; }

    /// <summary>Throws with every problem at once, so a bad option never surfaces half-way through a lint.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (double.IsNaN(DuplicateThreshold) || DuplicateThreshold is < 0 or > 1)
        {
            problems.Add($"duplicate threshold must be between 0 and 1, got {DuplicateThreshold}");
        }

        if (StaleDays < 1)
        {
            problems.Add($"stale days must be at least 1, got {StaleDays}");
        }

        if (MinCases < 0 || MaxCases < MinCases)
        {
            problems.Add($"suite size bounds must satisfy 0 <= min ({MinCases}) <= max ({MaxCases})");
        }

        if (double.IsNaN(MinCategoryShare) || MinCategoryShare is < 0 or > 1)
        {
            problems.Add($"minimum category share must be between 0 and 1, got {MinCategoryShare}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
    }
}
