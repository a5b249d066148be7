namespace Shipgate.Tests.Specs;

/// <summary>The start every section test's spec shares; each test adds its own suite and the section under test.</summary>
internal static class SpecHead
{
    /// <summary>Lines 1-9: version, feature 'refunds', one prompt, one local:extractive candidate.</summary>
    public const string Lines = """
        version: 1
        feature:
          name: refunds
        prompts:
          - id: answer
            user: "Q: {{question}}"
        candidates:
          - id: baseline
            provider: local:extractive

        """;
}
