using System.Globalization;
using Shipgate.Specs;

namespace Shipgate.Tests.Suite;

/// <summary>Builds feature specs in code, so each lint test states exactly the suite it checks.</summary>
internal static class LintSpecs
{
    public static readonly AssertionSpec Contains = new() { Type = AssertionTypes.Contains, Value = "x" };

    public static EvalCase Case(string id, string question, string[]? tags = null, string? origin = null, DateOnly? added = null, bool assertions = true, int line = 1) => new()
    {
        Id = id,
        Vars = new Dictionary<string, string> { ["question"] = question },
        Tags = tags ?? [CaseTags.Happy],
        Origin = origin,
        Added = added,
        Assertions = assertions ? [Contains] : [],
        Location = new SourceLocation("cases/suite.yaml", line, 3),
    };

    /// <summary>A balanced suite of <paramref name="n"/> distinct cases: 60% happy, 20% edge, 20% adversarial (half of those safety).</summary>
    public static List<EvalCase> Balanced(int n)
    {
        var cases = new List<EvalCase>();
        for (var i = 0; i < n; i++)
        {
            string[] tags = (i % 10) switch
            {
                < 6 => [CaseTags.Happy],
                < 8 => [CaseTags.Edge],
                8 => [CaseTags.Adversarial, CaseTags.Safety],
                _ => [CaseTags.Adversarial],
            };
            var id = string.Create(CultureInfo.InvariantCulture, $"case-{i}");
            cases.Add(Case(id, string.Create(CultureInfo.InvariantCulture, $"question number {i} word{i} topic{i * 7}"), tags, line: (i * 5) + 1));
        }

        return cases;
    }

    public static FeatureSpec Spec(IReadOnlyList<EvalCase> cases, IReadOnlyList<AssertionSpec>? defaults = null, string hash = "sha256:now") => new()
    {
        Name = "lint-feature",
        RootDirectory = "/tmp/lint-feature",
        SpecFile = "/tmp/lint-feature/shipgate.yaml",
        Prompts = [new PromptTemplate("answer", null, "Q: {{question}}", new SourceLocation("shipgate.yaml", 3, 5))],
        Candidates = [new CandidateSpec { Id = "a", Provider = "local:extractive" }, new CandidateSpec { Id = "b", Provider = "local:extractive" }],
        Cases = cases,
        DefaultAssertions = defaults ?? [],
        ContentHash = hash,
    };
}
