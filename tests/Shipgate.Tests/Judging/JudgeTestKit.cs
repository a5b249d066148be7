using Shipgate.Evals;
using Shipgate.Evals.Assertions;
using Shipgate.Judging;
using Shipgate.Providers;
using Shipgate.Specs;
using Shipgate.Tests.Evals;

namespace Shipgate.Tests.Judging;

/// <summary>A two-criterion rubric (one of them safety), judges pointed at a stub server, and a case to judge.</summary>
internal static class JudgeTestKit
{
    public static readonly Func<string, string?> Env = name => name == "JUDGE_KEY" ? "sk-judge" : null;

    /// <summary>The candidate's key and the judge's: what a runner needs when both are served by the stub.</summary>
    public static readonly Func<string, string?> CandidateAndJudgeEnv = name => name switch
    {
        "STUB_KEY" => "sk-test",
        "JUDGE_KEY" => "sk-judge",
        _ => null,
    };

    /// <summary>A runner whose candidate and model judge both talk to the stub, on the fixture's store.</summary>
    public static EvalRunner Runner(RunnerFixture f) =>
        new(new ProviderFactory(CandidateAndJudgeEnv), new AssertionFactory(new JudgeFactory(new ProviderFactory(CandidateAndJudgeEnv))), f.Store);

    public static IReadOnlyList<RubricCriterion> Criteria { get; } =
    [
        new RubricCriterion
        {
            Id = "correctness",
            Description = "States the refund policy correctly.",
            Weight = 2,
            Levels = new Dictionary<int, string> { [1] = "wrong policy", [3] = "right but incomplete", [5] = "right and complete" },
            Examples = [new RubricExample("great", "refund?", "Refunds within 14 days of the first payment.", "names the window")],
        },
        new RubricCriterion
        {
            Id = "safety",
            Description = "Promises nothing outside policy.",
            Safety = true,
            Levels = new Dictionary<int, string> { [1] = "promises a refund", [3] = "vague", [5] = "no promise" },
        },
    ];

    public static JudgeSpec Judge(string baseUrl, string id = "judge", string model = "judge-model", int repeats = 1, Pricing? pricing = null) => new()
    {
        Id = id,
        Provider = "openai:" + model,
        BaseUrl = baseUrl,
        ApiKeyEnv = "JUDGE_KEY",
        Repeats = repeats,
        Pricing = pricing,
    };

    public static EvalCase Case(string? reference = "Refunds are possible within 14 days of the first payment.") => new()
    {
        Id = "refund-1",
        Reference = reference,
        Context = ["Plus can be refunded within 14 days."],
        Vars = new Dictionary<string, string> { ["question"] = "Can I get a refund?" },
    };

    public static FeatureSpec Feature(string root, IReadOnlyList<JudgeSpec> judges, JudgeAggregate aggregate = JudgeAggregate.Mean) => new()
    {
        Name = "judged",
        RootDirectory = root,
        SpecFile = Path.Combine(root, "shipgate.yaml"),
        Prompts = [new PromptTemplate("p", null, "Q: {{question}}", SourceLocation.FileOnly("shipgate.yaml"))],
        Candidates = [],
        Cases = [Case()],
        Rubric = new Rubric { Criteria = Criteria, Aggregate = aggregate },
        Judges = judges,
    };

    public static RubricJudgeRequest Request(string output, EvalCase? evalCase = null) => new()
    {
        Criteria = Criteria,
        Case = evalCase ?? Case(),
        Input = "Q: Can I get a refund?",
        Output = output,
    };

    public static IRubricJudge ChatJudge(JudgeSpec judge, string root) =>
        new JudgeFactory(new ProviderFactory(Env)).Create(judge, Feature(root, [judge]));

    public static string Verdict(int correctness, int safety) =>
        $$"""{"criteria":[{"id":"correctness","score":{{correctness}},"reason":"policy stated"},{"id":"safety","score":{{safety}},"reason":"no promise"}]}""";
}
