using Shipgate.Judging;
using Shipgate.Providers;
using Shipgate.Specs;

namespace Shipgate.Evals.Assertions;

/// <summary>
/// Builds the assertion for a spec's base type. Work that can be done once (regex compilation, schema building) happens
/// here, so one assertion instance can be evaluated for every output of the run.
/// </summary>
internal sealed class AssertionFactory : IAssertionFactory
{
    /// <summary>Every base type this factory knows (each also exists as <c>not-</c>).</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        "equals", "iequals", "contains", "icontains", "contains-any", "icontains-any", "contains-all", "icontains-all",
        "starts-with", "istarts-with", "regex", "is-json", "json-schema", "length", "latency", "cost", "similar", "rubric", "grounded",
    ];

    private readonly TimeSpan _regexTimeout;
    private readonly Lazy<IJudgeFactory> _judges;
    private readonly Lazy<IGroundednessJudgeFactory> _grounders;

    public AssertionFactory() : this(RegexAssertion.DefaultTimeout)
    {
    }

    /// <param name="regexTimeout">Match timeout for <c>regex</c> assertions.</param>
    /// <param name="judges">Judges for <c>rubric</c> assertions. Default: model judges built by a default <see cref="ProviderFactory"/>, created on first use.</param>
    public AssertionFactory(TimeSpan regexTimeout, IJudgeFactory? judges = null)
    {
        _regexTimeout = regexTimeout;
        _judges = new Lazy<IJudgeFactory>(() => judges ?? new JudgeFactory(new ProviderFactory()));
        // A JudgeFactory serves both; any other rubric judge factory (a test double) gets a default groundedness factory.
        _grounders = new Lazy<IGroundednessJudgeFactory>(() => _judges.Value as IGroundednessJudgeFactory ?? new JudgeFactory(new ProviderFactory()));
    }

    /// <param name="judges">Judges for <c>rubric</c> assertions.</param>
    public AssertionFactory(IJudgeFactory judges) : this(RegexAssertion.DefaultTimeout, judges)
    {
    }

    public IAssertion Create(AssertionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Type.ToLowerInvariant() switch
        {
            "equals" => new EqualsAssertion(spec, ignoreCase: false),
            "iequals" => new EqualsAssertion(spec, ignoreCase: true),
            "contains" => new ContainsAssertion(spec, ContainsMode.One, ignoreCase: false),
            "icontains" => new ContainsAssertion(spec, ContainsMode.One, ignoreCase: true),
            "contains-any" => new ContainsAssertion(spec, ContainsMode.Any, ignoreCase: false),
            "icontains-any" => new ContainsAssertion(spec, ContainsMode.Any, ignoreCase: true),
            "contains-all" => new ContainsAssertion(spec, ContainsMode.All, ignoreCase: false),
            "icontains-all" => new ContainsAssertion(spec, ContainsMode.All, ignoreCase: true),
            "starts-with" => new StartsWithAssertion(spec, ignoreCase: false),
            "istarts-with" => new StartsWithAssertion(spec, ignoreCase: true),
            "regex" => new RegexAssertion(spec, _regexTimeout),
            "is-json" => new IsJsonAssertion(spec),
            "json-schema" => new JsonSchemaAssertion(spec),
            "length" => new LengthAssertion(spec),
            "latency" => new LatencyAssertion(spec),
            "cost" => new CostAssertion(spec),
            "similar" => new SimilarAssertion(spec),
            "rubric" => new RubricAssertion(spec, _judges.Value),
            "grounded" => new GroundedAssertion(spec, _grounders.Value),
            _ => throw new SpecException(new SpecError(spec.Location, $"unknown assertion type '{spec.DisplayType}'",
                "use one of: " + string.Join(", ", Types) + " (each also as not-<type>)")),
        };
    }
}
