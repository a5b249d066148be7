namespace Shipgate.Specs;

/// <summary>Impact of one hallucination, lowest first (written in the spec as low, medium, high, critical).</summary>
public enum RiskSeverity
{
    /// <summary>Minor inconvenience: creative suggestions, brainstorming, internal tools.</summary>
    Low,

    /// <summary>Frustration or rework: writing help, summaries, search results.</summary>
    Medium,

    /// <summary>Business damage or lost trust: customer-facing factual claims, product recommendations.</summary>
    High,

    /// <summary>Physical, legal or financial harm: medical or legal advice, financial transactions.</summary>
    Critical,
}
