namespace Shipgate.Specs;

/// <summary>How hard a hallucination is to notice, easiest first (written as easy, moderate, hard, near-impossible).</summary>
public enum RiskDetection
{
    /// <summary>The user knows at once that it is wrong.</summary>
    Easy,

    /// <summary>The user can check with some effort.</summary>
    Moderate,

    /// <summary>The user cannot easily tell.</summary>
    Hard,

    /// <summary>Wrong answers look entirely plausible.</summary>
    NearImpossible,
}
