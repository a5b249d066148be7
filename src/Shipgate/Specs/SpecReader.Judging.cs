using System.Globalization;

namespace Shipgate.Specs;

/// <summary>The <c>rubric:</c>, <c>judge:</c> and <c>judges:</c> sections, and the checks that tie rubric assertions to them.</summary>
internal sealed partial class SpecReader
{
    private static readonly string[] RubricKeys = ["criteria", "aggregate"];
    private static readonly string[] CriterionKeys = ["id", "description", "weight", "safety", "levels", "examples"];
    private static readonly string[] LevelKeys = ["1", "2", "3", "4", "5"];
    private static readonly string[] ExampleLevels = ["great", "acceptable", "failure"];
    private static readonly string[] ExampleKeys = ["input", "output", "note"];
    private static readonly string[] JudgeKeys = ["id", "provider", "base_url", "api_key_env", "pricing", "options", "max_tokens", "temperature", "repeats"];
    private static readonly string[] AggregateNames = ["mean", "majority"];

    private Rubric? ReadRubric(MappingReader root)
    {
        var r = _context.Mapping(root.Get("rubric"), "'rubric'", "rubric", null, RubricKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var aggregate = JudgeAggregate.Mean;
        if (r.Scalar("aggregate", "mean or majority") is { } aggNode)
        {
            if (aggNode.Value == "majority")
            {
                aggregate = JudgeAggregate.Majority;
            }
            else if (aggNode.Value != "mean")
            {
                _context.Error(aggNode.Location, $"unknown aggregate '{aggNode.Value}' for {r.Name("aggregate")}", "use mean (mean of the judges' means) or majority (most judges' pass verdicts)");
            }
        }

        var seq = r.Sequence("criteria", required: true);
        if (seq is not null && seq.Items.Count == 0)
        {
            _context.Error(seq.Location, "'rubric.criteria' is empty", "add at least one criterion with an id, a description and levels 1, 3 and 5");
        }

        var criteria = new List<RubricCriterion>();
        foreach (var item in seq?.Items ?? [])
        {
            if (ReadCriterion(item) is not { } criterion)
            {
                continue;
            }

            var previous = criteria.FirstOrDefault(c => c.Id == criterion.Id);
            if (previous is not null)
            {
                _context.Error(criterion.Location, $"duplicate criterion id '{criterion.Id}' (first at {previous.Location})", "criterion ids must be unique");
                continue;
            }

            criteria.Add(criterion);
        }

        return new Rubric { Criteria = criteria, Aggregate = aggregate, Location = r.Location };
    }

    private RubricCriterion? ReadCriterion(SpecNode item)
    {
        var r = _context.Mapping(item, "a rubric criterion", null, "this criterion", CriterionKeys);
        if (r is null)
        {
            return null;
        }

        var idNode = ReadId(r, "criterion");
        r.ReportUnknown();
        var description = r.String("description", required: true);
        var weight = r.Double("weight", 0) ?? 1.0;
        var safety = r.Bool("safety") ?? false;
        var levels = ReadLevels(r);
        var examples = ReadExamples(r);
        if (idNode is null || description is null || levels is null)
        {
            return null;
        }

        return new RubricCriterion
        {
            Id = idNode.Value,
            Description = description,
            Weight = weight,
            Safety = safety,
            Levels = levels,
            Examples = examples,
            Location = r.Location,
        };
    }

    private Dictionary<int, string>? ReadLevels(MappingReader criterion)
    {
        var node = criterion.Get("levels");
        if (node is null)
        {
            criterion.Missing("levels", "anchor the scale: write what a 1, a 3 and a 5 look like (2 and 4 are optional)");
            return null;
        }

        var r = _context.Mapping(node, criterion.Name("levels"), null, $"the levels of {criterion.Where}", LevelKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var levels = new Dictionary<int, string>();
        foreach (var key in LevelKeys)
        {
            if (r.String(key) is { } text)
            {
                if (text.Trim().Length == 0)
                {
                    _context.Error(r.Get(key)!.Location, $"level {key} of {criterion.Where} is empty", "describe what an output at this level looks like");
                    continue;
                }

                levels[int.Parse(key, CultureInfo.InvariantCulture)] = text.Trim();
            }
        }

        var missing = new[] { 1, 3, 5 }.Where(l => !levels.ContainsKey(l)).ToList();
        if (missing.Count > 0)
        {
            _context.Error(r.Location, $"the levels of {criterion.Where} miss {string.Join(", ", missing)}", "levels 1, 3 and 5 are required anchors (e.g. '1: states a wrong policy', '3: right but incomplete', '5: right, complete, with the menu path')");
            return null;
        }

        return levels;
    }

    private List<RubricExample> ReadExamples(MappingReader criterion)
    {
        var result = new List<RubricExample>();
        var r = _context.Mapping(criterion.Get("examples"), criterion.Name("examples"), null, $"the examples of {criterion.Where}", ExampleLevels);
        if (r is null)
        {
            return result;
        }

        r.ReportUnknown();
        foreach (var level in ExampleLevels)
        {
            var node = r.Get(level);
            IEnumerable<SpecNode> items = node switch
            {
                null => [],
                SequenceNode seq => seq.Items,
                MappingNode map => [map],
                _ => [node],
            };
            foreach (var item in items)
            {
                var e = _context.Mapping(item, $"a '{level}' example of {criterion.Where}", null, $"a '{level}' example of {criterion.Where}", ExampleKeys);
                if (e is null)
                {
                    continue;
                }

                e.ReportUnknown();
                var input = e.String("input", required: true);
                var output = e.String("output", required: true);
                if (input is not null && output is not null)
                {
                    result.Add(new RubricExample(level, input, output, e.String("note")));
                }
            }
        }

        return result;
    }

    private List<JudgeSpec> ReadJudges(MappingReader root)
    {
        var result = new List<JudgeSpec>();
        if (root.Has("judge") && root.Has("judges"))
        {
            _context.Error(root.Get("judges")!.Location, "the spec has both 'judge' and 'judges'", "keep 'judge:' for one judge, or list every judge under 'judges:'");
            return result;
        }

        if (root.Get("judge") is { } single)
        {
            if (ReadJudge(single, "'judge'", "judge") is { } judge)
            {
                result.Add(judge);
            }

            return result;
        }

        var seq = root.Sequence("judges");
        if (seq is not null && seq.Items.Count == 0)
        {
            _context.Error(seq.Location, "'judges' is empty", "list at least one judge with a provider, or remove the key");
        }

        foreach (var item in seq?.Items ?? [])
        {
            if (ReadJudge(item, "a judge", null) is not { } judge)
            {
                continue;
            }

            var previous = result.FirstOrDefault(j => j.Id == judge.Id);
            if (previous is not null)
            {
                _context.Error(judge.Location, $"duplicate judge id '{judge.Id}' (first at {previous.Location})", "give each judge its own 'id:'");
                continue;
            }

            result.Add(judge);
        }

        return result;
    }

    private JudgeSpec? ReadJudge(SpecNode node, string what, string? path)
    {
        var r = _context.Mapping(node, what, path, path is null ? "this judge" : null, JudgeKeys);
        if (r is null)
        {
            return null;
        }

        ScalarNode? idNode = null;
        if (r.Has("id"))
        {
            idNode = ReadId(r, "judge");
        }

        r.ReportUnknown();
        string? provider;
        if (r.Get("provider") is ScalarNode { IsNull: false } p && p.Value.Trim() == JudgeSpec.LocalReference)
        {
            provider = JudgeSpec.LocalReference;
        }
        else
        {
            provider = ReadProvider(r);
            if (provider is not null && provider.StartsWith(ProviderSchemes.Local + ":", StringComparison.Ordinal))
            {
                _context.Error(r.Get("provider")!.Location, $"'{provider}' cannot judge ({r.Where})", $"offline, use provider: {JudgeSpec.LocalReference} (reference-based scores)");
                provider = null;
            }
        }

        if (r.Double("temperature", 0, 2) is { } temperature && temperature != 0)
        {
            _context.Error(r.Get("temperature")!.Location, $"{r.Name("temperature")} must be 0", "judges always run at temperature 0 so verdicts repeat; use 'repeats:' to measure self-consistency");
        }

        var baseUrl = r.String("base_url");
        var keyEnv = r.Scalar("api_key_env", "an environment variable name");
        if (keyEnv is not null && !EnvNamePattern().IsMatch(keyEnv.Value))
        {
            _context.Error(keyEnv.Location, $"{r.Name("api_key_env")} must be the name of an environment variable, got '{Shorten(keyEnv.Value)}'", "never put the key itself in the spec; e.g. api_key_env: OPENAI_API_KEY");
        }

        var pricing = ReadPricing(r);
        var options = ReadOptions(r);
        var maxTokens = r.Int32("max_tokens", 1);
        var repeats = r.Int32("repeats", 1) ?? 1;
        if (provider is null || (r.Has("id") && idNode is null))
        {
            return null;
        }

        return new JudgeSpec
        {
            Id = idNode?.Value ?? provider,
            Provider = provider,
            BaseUrl = baseUrl,
            ApiKeyEnv = keyEnv?.Value,
            Pricing = pricing,
            Options = options,
            MaxTokens = maxTokens,
            Repeats = repeats,
            Location = r.Location,
        };
    }

    /// <summary>Rubric assertions need a rubric and a judge; their criteria and judge ids must exist; rubric gates need rubric assertions.</summary>
    private void CheckRubricAssertions(Rubric? rubric, List<JudgeSpec> judges, List<AssertionSpec> defaults, List<EvalCase> cases, ShipGateSpec gate, MappingReader root)
    {
        var ids = rubric?.Criteria.Select(c => c.Id).ToList() ?? [];
        var judgeIds = judges.Select(j => j.Id).ToList();
        foreach (var (criteria, judge, at) in _cases.RubricNodes)
        {
            if (rubric is null)
            {
                _context.Error(at, "a 'rubric' assertion needs a rubric, and the spec has no 'rubric:' block", "add 'rubric:' with criteria (id, description, levels 1/3/5, examples) to shipgate.yaml (see docs/spec.md, \"Rubric\")");
                continue;
            }

            foreach (var c in criteria.Where(c => !ids.Contains(c.Value)))
            {
                _context.Error(c.Location, $"unknown criterion '{c.Value}' in a rubric assertion", DidYouMean.Hint(c.Value, ids, "rubric criteria"));
            }

            if (judge is not null && !judgeIds.Contains(judge.Value))
            {
                _context.Error(judge.Location, $"unknown judge '{judge.Value}' in a rubric assertion", judgeIds.Count == 0 ? "declare it under 'judges:' with an id" : DidYouMean.Hint(judge.Value, judgeIds, "declared judges"));
            }
            else if (judges.Count == 0)
            {
                _context.Error(at, "a 'rubric' assertion needs a judge, and the spec declares none", $"add 'judge: {{ provider: openai:gpt-4o }}' (or provider: {JudgeSpec.LocalReference} offline)");
            }
        }

        foreach (var judge in _cases.GroundedJudgeNodes.OfType<ScalarNode>().Where(j => !judgeIds.Contains(j.Value)))
        {
            _context.Error(judge.Location, $"unknown judge '{judge.Value}' in a grounded assertion", judgeIds.Count == 0 ? "declare it under 'judges:' with an id, or drop 'judge:' to use the feature's judge (local:reference when none)" : DidYouMean.Hint(judge.Value, judgeIds, "declared judges"));
        }

        CheckGroundedSources(defaults, cases);
        var hasRubric = defaults.Concat(cases.SelectMany(c => c.Assertions)).Any(a => a.Type == AssertionTypes.Rubric);
        if (!hasRubric && (gate.MinRubricMean is not null || gate.RubricMeanAbove is not null || gate.MaxInconclusiveRate is not null) && root.Get("gate") is MappingNode gateNode)
        {
            var key = gateNode.Entries.First(e => e.Key.Value is "min_rubric_mean" or "rubric_mean_above" or "max_inconclusive_rate").Key;
            _context.Error(key.Location, $"'gate.{key.Value}' gates rubric verdicts, and no assertion is of type 'rubric'", "add '- type: rubric' to defaults.assertions or to the cases to judge");
        }

        var hasGrounded = defaults.Concat(cases.SelectMany(c => c.Assertions)).Any(a => a.Type == AssertionTypes.Grounded);
        if (!hasGrounded && gate.MaxHallucinationRate is not null && root.Get("gate") is MappingNode groundedGate)
        {
            var key = groundedGate.Entries.First(e => e.Key.Value == "max_hallucination_rate").Key;
            _context.Error(key.Location, "'gate.max_hallucination_rate' gates groundedness verdicts, and no assertion is of type 'grounded'", "add '- type: grounded' to defaults.assertions or to the cases to check");
        }
    }

    /// <summary>A grounded <c>sources: [vars.NAME]</c> needs that var in every case it applies to (all cases, for a default).</summary>
    private void CheckGroundedSources(List<AssertionSpec> defaults, List<EvalCase> cases)
    {
        foreach (var (assertion, nodes) in _cases.GroundedVarSources)
        {
            var applies = defaults.Any(d => ReferenceEquals(d, assertion)) ? cases : cases.Where(c => c.Assertions.Any(a => ReferenceEquals(a, assertion))).ToList();
            foreach (var node in nodes)
            {
                var name = node.Value["vars.".Length..];
                var lacking = applies.Where(c => !c.Vars.ContainsKey(name)).ToList();
                if (lacking.Count == 0)
                {
                    continue;
                }

                var named = string.Join(", ", lacking.Take(3).Select(c => $"'{c.Id}' ({c.Location})")) + (lacking.Count > 3 ? $" and {lacking.Count - 3} more" : "");
                var known = lacking[0].Vars.Keys.Order(StringComparer.Ordinal).ToList();
                _context.Error(node.Location, $"unknown var '{name}' in grounded sources: case {named} has no var '{name}'",
                    known.Count == 0 ? $"add '{name}:' to the case's vars" : $"add '{name}:' to the case's vars, or ground on one it has ({string.Join(", ", known.Select(k => "vars." + k))})");
            }
        }
    }
}
