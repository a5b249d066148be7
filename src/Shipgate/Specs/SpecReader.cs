using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipgate.Specs;

/// <summary>
/// One load of one spec: walks shipgate.yaml and every file it names, collecting every error before
/// throwing, then checks what spans sections (prompt ids, {{vars}}, duplicate ids).
/// </summary>
internal sealed partial class SpecReader
{
    private static readonly string[] RootKeys = ["version", "feature", "knowledge", "prompts", "candidates", "suite", "defaults", "rubric", "judge", "judges", "gate", "run", "selection", "economics", "risk", "rollout"];
    private static readonly string[] FeatureKeys = ["name", "description", "allow_outside_files"];
    private static readonly string[] PromptKeys = ["id", "system", "user", "file", "system_file"];
    private static readonly string[] CandidateKeys = ["id", "provider", "prompt", "base_url", "api_key_env", "temperature", "max_tokens", "top_p", "seed", "stop", "stream", "pricing", "options", "tier", "family", "optional", "profile"];
    private static readonly string[] PricingKeys = ["input", "output", "cached_input"];
    private static readonly string[] SuiteKeys = ["files", "cases"];
    private static readonly string[] DefaultsKeys = ["assertions"];
    private static readonly string[] GateKeys = ["min_pass_rate", "min_mean_score", "max_safety_failures", "max_p95_latency_ms", "max_cost_per_request", "max_error_rate", "min_rubric_mean", "max_inconclusive_rate", "max_hallucination_rate", "min_judge_kappa", "min_human_labels", "rubric_mean_above", "min_judged", "allow_approximate_groundedness", "schema_failures_are_safety_failures"];
    private static readonly string[] RunKeys = ["concurrency", "repeats", "timeout_seconds", "retries", "retry_base_delay_ms", "max_retry_delay_ms"];

    /// <summary>The spec format version this build reads.</summary>
    public const int SupportedVersion = 1;

    private readonly string _specFile;
    private readonly SpecContext _context;
    private readonly List<string> _pulledFiles = [];
    private readonly CaseReader _cases;
    private readonly Dictionary<string, EvalCase> _caseIds = new(StringComparer.Ordinal);

    public SpecReader(string specFile)
    {
        _specFile = specFile;
        _context = new SpecContext(Path.GetDirectoryName(specFile)!);
        _cases = new CaseReader(_context, _pulledFiles);
    }

    private List<SpecError> Errors => _context.Errors;

    public FeatureSpec Read()
    {
        var display = _context.Display(_specFile);
        if (_context.CheckFile(_specFile, new SourceLocation(display, 1, 1), "spec", display, linkMayLeave: true) is null)
        {
            throw new SpecException(Errors);
        }

        var specBytes = ReadBytes(_specFile, SourceLocation.FileOnly(display)) ?? throw new SpecException(Errors);
        var specText = SpecText.Decode(specBytes, display, Errors) ?? throw new SpecException(Errors);
        var rootNode = YamlTreeReader.Read(specText, display, Errors, out var failed);
        if (failed)
        {
            throw new SpecException(Errors);
        }

        if (rootNode is null)
        {
            throw new SpecException(new SpecError(new SourceLocation(display, 1, 1), "the spec is empty", "start with 'version: 1', a feature, prompts, candidates and a suite (see docs/spec.md)"));
        }

        var root = _context.Mapping(rootNode, "the spec", null, null, RootKeys) ?? throw new SpecException(Errors);
        root.ReportUnknown();

        var version = root.Integer("version", required: true);
        if (version is { } v && v != SupportedVersion)
        {
            _context.Error(root.Get("version")!.Location, $"unsupported spec version {v}", $"this Shipgate reads version {SupportedVersion}");
        }

        var (name, description) = ReadFeature(root);
        var knowledge = ReadKnowledge(root);
        var prompts = ReadPrompts(root);
        var candidates = ReadCandidates(root, prompts);
        var cases = ReadSuite(root);
        var defaults = ReadDefaults(root);
        var rubric = ReadRubric(root);
        var judges = ReadJudges(root);
        var gate = ReadGate(root);
        var run = ReadRun(root, cases.Count, candidates.Count);
        var selection = ReadSelection(root, candidates);
        var economics = ReadEconomics(root);
        var risk = ReadRisk(root);
        var rollout = ReadRollout(root);

        CheckVars(prompts, candidates, cases);
        CheckSchemaRefs(defaults, cases);
        CheckBaseUrls(root);
        CheckJudgeRepeats(judges);
        CheckSimilarReferences(defaults, cases);
        CheckRubricAssertions(rubric, judges, defaults, cases, gate, root);

        if (Errors.Count > 0)
        {
            throw new SpecException(Errors);
        }

        return new FeatureSpec
        {
            Name = name!,
            Description = description,
            RootDirectory = _context.RootDirectory,
            SpecFile = _specFile,
            KnowledgeFiles = knowledge,
            Prompts = prompts,
            Candidates = candidates,
            Cases = cases,
            DefaultAssertions = defaults,
            Rubric = rubric,
            Judges = judges,
            Gate = gate,
            Run = run,
            Selection = selection,
            Economics = economics,
            Risk = risk,
            Rollout = rollout,
            ContentHash = Hash(specBytes, (MappingNode)rootNode),
        };
    }

    private (string? Name, string? Description) ReadFeature(MappingReader root)
    {
        var feature = _context.Mapping(root.Get("feature"), "'feature'", "feature", null, FeatureKeys);
        if (feature is null)
        {
            if (root.Get("feature") is null)
            {
                root.Missing("feature", "add 'feature:' with a 'name:' under it");
            }

            return (null, null);
        }

        feature.ReportUnknown();
        _context.AllowOutsideFiles = feature.Bool("allow_outside_files") ?? false;
        var nameNode = feature.Scalar("name", "a string", required: true);
        if (nameNode is not null && !FeatureNamePattern().IsMatch(nameNode.Value))
        {
            _context.Error(nameNode.Location, $"feature name '{ControlCharacters.Escape(nameNode.Value, singleLine: true)}' must start with a lower-case letter or digit and use only a-z, 0-9, '.', '_' and '-'", "e.g. support-assistant");
        }

        return (nameNode?.Value, feature.String("description"));
    }

    private List<string> ReadKnowledge(MappingReader root)
    {
        var files = new List<string>();
        foreach (var pattern in root.Strings("knowledge") ?? [])
        {
            foreach (var match in ExpandFiles(pattern, "knowledge", _ => true))
            {
                if (_context.CheckFile(match, pattern.Location, "knowledge", _context.Display(match)) is not null && !files.Contains(match))
                {
                    files.Add(match);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        _pulledFiles.AddRange(files);
        return files;
    }

    private void NotFound(ScalarNode pattern, string what)
    {
        var message = Glob.IsPattern(pattern.Value) ? $"no {what} files match '{pattern.Value}'" : $"{what} file '{pattern.Value}' not found";
        _context.Error(pattern.Location, message, $"paths are relative to the feature folder ({_context.RootDirectory})");
    }

    private List<PromptTemplate> ReadPrompts(MappingReader root)
    {
        var result = new List<PromptTemplate>();
        var seq = root.Sequence("prompts", required: true);
        if (seq is not null && seq.Items.Count == 0)
        {
            _context.Error(seq.Location, "'prompts' is empty", "add at least one prompt with an id and a user text");
        }

        foreach (var item in seq?.Items ?? [])
        {
            var r = _context.Mapping(item, "a prompt", null, "this prompt", PromptKeys);
            if (r is null)
            {
                if (item is ScalarNode { IsNull: true })
                {
                    _context.Error(item.Location, "empty prompt", "give it an id and a user text");
                }

                continue;
            }

            var idNode = ReadId(r, "prompt");
            r.ReportUnknown();
            var system = r.String("system");
            var user = r.String("user");
            if (r.Has("user") && r.Has("file"))
            {
                _context.Error(r.Get("file")!.Location, $"{r.Where} has both 'user' and 'file'", "keep one: inline text in 'user' or a path in 'file'");
            }
            else if (!r.Has("user") && !r.Has("file"))
            {
                r.Missing("user", "write the prompt text in 'user:' or point 'file:' at a text file");
            }

            if (r.Has("system") && r.Has("system_file"))
            {
                _context.Error(r.Get("system_file")!.Location, $"{r.Where} has both 'system' and 'system_file'", "keep one of them");
            }

            if (!r.Has("user") && r.Scalar("file", "a file path") is { } fileNode)
            {
                user = ReadText(fileNode, "prompt");
            }

            if (!r.Has("system") && r.Scalar("system_file", "a file path") is { } systemNode)
            {
                system = ReadText(systemNode, "system prompt");
            }

            if (user is not null && user.Trim().Length == 0)
            {
                var at = (r.Get("user") ?? r.Get("file"))!.Location;
                _context.Error(at, string.IsNullOrWhiteSpace(system) ? $"{r.Where} is empty: its system and user texts are blank" : $"the user text of {r.Where} is blank",
                    "every call sends the user text as the model's input; write a template such as user: \"{{question}}\"");
                continue;
            }

            if (idNode is null || user is null)
            {
                continue;
            }

            var previous = result.FirstOrDefault(p => p.Id == idNode.Value);
            if (previous is not null)
            {
                _context.Error(idNode.Location, $"duplicate prompt id '{idNode.Value}' (first at {previous.Location})", "prompt ids must be unique");
                continue;
            }

            result.Add(new PromptTemplate(idNode.Value, system, user, r.Location));
        }

        return result;
    }

    private ScalarNode? ReadId(MappingReader r, string what)
    {
        var idNode = r.Scalar("id", "a string", required: true);
        if (idNode is null)
        {
            return null;
        }

        r.Owner = $"{what} '{idNode.Value}'";
        if (!CaseReader.IdPattern().IsMatch(idNode.Value) || idNode.Value.Contains('\n', StringComparison.Ordinal))
        {
            _context.Error(idNode.Location, $"{what} id '{ControlCharacters.Escape(idNode.Value, singleLine: true)}' may contain only letters, digits, '.', '_' and '-'", null);
            return null;
        }

        return idNode;
    }

    private string? ReadText(ScalarNode pathNode, string what)
    {
        var full = _context.ResolveFile(pathNode, what);
        if (full is null)
        {
            return null;
        }

        var bytes = ReadBytes(full, pathNode.Location);
        if (bytes is null)
        {
            return null;
        }

        _pulledFiles.Add(full);
        return SpecText.Decode(bytes, _context.Display(full), Errors);
    }

    private List<CandidateSpec> ReadCandidates(MappingReader root, List<PromptTemplate> prompts)
    {
        var result = new List<CandidateSpec>();
        var seq = root.Sequence("candidates", required: true);
        if (seq is not null && seq.Items.Count == 0)
        {
            _context.Error(seq.Location, "'candidates' is empty", "add at least one candidate, e.g. '- id: baseline' with 'provider: local:extractive'");
        }

        foreach (var item in seq?.Items ?? [])
        {
            var r = _context.Mapping(item, "a candidate", null, "this candidate", CandidateKeys);
            if (r is null)
            {
                if (item is ScalarNode { IsNull: true })
                {
                    _context.Error(item.Location, "empty candidate", "give it an id and a provider");
                }

                continue;
            }

            var idNode = ReadId(r, "candidate");
            r.ReportUnknown();
            var provider = ReadProvider(r);
            var promptNode = r.Scalar("prompt", "a prompt id");
            if (promptNode is not null && prompts.Count > 0 && prompts.All(p => p.Id != promptNode.Value))
            {
                _context.Error(promptNode.Location, $"unknown prompt '{promptNode.Value}' in {r.Where}", DidYouMean.Hint(promptNode.Value, prompts.Select(p => p.Id).ToList(), "prompts"));
                promptNode = null;
            }

            var settings = new ModelSettings
            {
                Temperature = (float?)r.Double("temperature", 0, 2),
                MaxTokens = r.Int32("max_tokens", 1),
                TopP = (float?)r.Double("top_p", 0, 1),
                Seed = r.Integer("seed"),
                Stop = r.Strings("stop", allowSingle: true)?.Select(s => s.Value).ToList(),
                Stream = r.Bool("stream") ?? false,
            };

            var baseUrl = r.Scalar("base_url", "a URL");
            if (baseUrl is not null && !baseUrl.Value.Contains("${", StringComparison.Ordinal)
                && !(Uri.TryCreate(baseUrl.Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                _context.Error(baseUrl.Location, $"expected an http(s) URL for {r.Name("base_url")}, got '{baseUrl.Value}'", "e.g. https://api.openai.com/v1, or ${OPENAI_BASE_URL} to read it from the environment");
            }

            var keyEnv = r.Scalar("api_key_env", "an environment variable name");
            if (keyEnv is not null && !EnvNamePattern().IsMatch(keyEnv.Value))
            {
                _context.Error(keyEnv.Location, $"{r.Name("api_key_env")} must be the name of an environment variable, got '{Shorten(keyEnv.Value)}'", "never put the key itself in the spec; e.g. api_key_env: OPENAI_API_KEY");
            }

            var pricing = ReadPricing(r);
            var options = ReadOptions(r);
            var tier = ReadTier(r);
            var family = r.String("family");
            var optional = r.Bool("optional") ?? false;
            var profile = ReadProfile(r);
            if (idNode is null || provider is null)
            {
                continue;
            }

            var previous = result.FirstOrDefault(c => c.Id == idNode.Value);
            if (previous is not null)
            {
                _context.Error(idNode.Location, $"duplicate candidate id '{idNode.Value}' (first at {previous.Location})", "candidate ids must be unique");
                continue;
            }

            result.Add(new CandidateSpec
            {
                Id = idNode.Value,
                Provider = provider,
                Prompt = promptNode?.Value,
                Settings = settings,
                BaseUrl = baseUrl?.Value,
                ApiKeyEnv = keyEnv?.Value,
                Pricing = pricing,
                Options = options,
                Tier = tier,
                Family = family,
                Optional = optional,
                Profile = profile,
                Location = r.Location,
            });
        }

        return result;
    }

    private string? ReadProvider(MappingReader r)
    {
        var node = r.Scalar("provider", "a provider id", required: true);
        if (node is null)
        {
            return null;
        }

        var value = node.Value.Trim();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            _context.Error(node.Location, $"provider '{value}' in {r.Where} must be 'scheme:target'", $"e.g. openai:gpt-4o-mini or local:extractive; schemes: {string.Join(", ", ProviderSchemes.All)}");
            return null;
        }

        var scheme = value[..colon];
        var target = value[(colon + 1)..];
        if (!ProviderSchemes.All.Contains(scheme))
        {
            _context.Error(node.Location, $"unknown provider scheme '{scheme}' in {r.Where}", DidYouMean.Hint(scheme, ProviderSchemes.All, "known schemes"));
            return null;
        }

        if (scheme == ProviderSchemes.Local && !ProviderSchemes.LocalTargets.Contains(target))
        {
            _context.Error(node.Location, $"unknown local provider '{target}' in {r.Where}", DidYouMean.Hint(target, ProviderSchemes.LocalTargets, "local providers"));
            return null;
        }

        if (scheme == ProviderSchemes.Replay)
        {
            var full = _context.ResolveFile(node, "replay", target.Trim());
            if (full is null || !CheckReplayFile(node, full))
            {
                return null;
            }

            _pulledFiles.Add(full);
        }

        if (scheme == ProviderSchemes.Exec && !CheckCommandLine(node, target))
        {
            return null;
        }

        return value;
    }

    private Pricing? ReadPricing(MappingReader candidate)
    {
        var r = _context.Mapping(candidate.Get("pricing"), candidate.Name("pricing"), null, $"the pricing of {candidate.Where}", PricingKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var input = AtMost(r, "input", r.Decimal("input", 0, required: true), TrafficSpec.MaxAmount, "USD per million tokens");
        var output = AtMost(r, "output", r.Decimal("output", 0, required: true), TrafficSpec.MaxAmount, "USD per million tokens");
        var cached = AtMost(r, "cached_input", r.Decimal("cached_input", 0), TrafficSpec.MaxAmount, "USD per million tokens");
        return input is { } i && output is { } o ? new Pricing(i, o, cached) : null;
    }

    private Dictionary<string, string> ReadOptions(MappingReader candidate)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var r = _context.Mapping(candidate.Get("options"), candidate.Name("options"), null, $"the options of {candidate.Where}", []);
        if (r is null)
        {
            return options;
        }

        foreach (var (key, value) in r.Node.Entries)
        {
            if (options.ContainsKey(key.Value))
            {
                _context.Error(key.Location, $"duplicate key '{key.Value}' in {r.Where}", "keep one of them");
            }
            else if (value is ScalarNode s)
            {
                options[key.Value] = s.IsNull ? "" : s.Value;
                if (key.Value == "max_tokens_field" && s.Value is not ("max_tokens" or "max_completion_tokens"))
                {
                    _context.Error(s.Location, $"option 'max_tokens_field' of {candidate.Where} must be max_tokens or max_completion_tokens, got '{s.Value}'", "max_tokens for servers that know only the older field; max_completion_tokens for OpenAI");
                }
            }
            else
            {
                _context.Error(value.Location, $"expected a string for option '{key.Value}' of {candidate.Where}, got {value.Describe()}", "options are strings");
            }
        }

        return options;
    }

    private bool IsSpecFile(string path) =>
        string.Equals(Path.GetDirectoryName(path), Path.TrimEndingDirectorySeparator(_context.RootDirectory), StringComparison.Ordinal)
        && Path.GetFileName(path) is "shipgate.yaml" or "shipgate.yml";

    private List<EvalCase> ReadSuite(MappingReader root)
    {
        var errorsBefore = Errors.Count;
        var cases = new List<EvalCase>();
        var suite = _context.Mapping(root.Get("suite"), "'suite'", "suite", null, SuiteKeys);
        if (suite is null)
        {
            if (root.Get("suite") is null)
            {
                root.Missing("suite", "add 'suite:' with 'files:' (case files) and/or 'cases:' (inline cases)");
            }

            return cases;
        }

        suite.ReportUnknown();
        var files = new List<string>();
        foreach (var pattern in suite.Strings("files") ?? [])
        {
            // A pattern such as '*.yaml' also matches the spec itself, which is never a case file.
            var matches = ExpandFiles(pattern, "case", m => !(Glob.IsPattern(pattern.Value) && IsSpecFile(m)));
            foreach (var file in matches.Where(m => !files.Contains(m)))
            {
                var extension = Path.GetExtension(file).ToLowerInvariant();
                if (extension is not (".yaml" or ".yml" or ".jsonl" or ".ndjson" or ".csv"))
                {
                    _context.Error(pattern.Location, $"'{_context.Display(file)}' is not a case file (matched by '{pattern.Value}')", "case files end in .yaml, .yml, .jsonl or .csv");
                    continue;
                }

                if (_context.CheckFile(file, pattern.Location, "case", _context.Display(file)) is not null)
                {
                    files.Add(file);
                }
            }
        }

        foreach (var file in files)
        {
            foreach (var node in ReadCaseFile(file))
            {
                AddCase(cases, node);
            }
        }

        foreach (var node in suite.Sequence("cases")?.Items ?? [])
        {
            AddCase(cases, node);
        }

        if (cases.Count == 0 && Errors.Count == errorsBefore)
        {
            _context.Error(suite.Location, "the suite has no cases", "add case files under 'suite.files' or cases under 'suite.cases'");
        }

        return cases;
    }

    private void AddCase(List<EvalCase> cases, SpecNode node)
    {
        var c = _cases.ReadCase(node);
        if (c is null)
        {
            return;
        }

        // A dictionary, not a scan of the list: 100,000 cases must load in linear time.
        if (_caseIds.TryGetValue(c.Id, out var previous))
        {
            _context.Error(c.Location, $"duplicate case id '{c.Id}' (first at {previous.Location})", "case ids must be unique across the suite");
            return;
        }

        _caseIds[c.Id] = c;
        cases.Add(c);
    }

    private IEnumerable<SpecNode> ReadCaseFile(string file)
    {
        var display = _context.Display(file);
        var bytes = ReadBytes(file, SourceLocation.FileOnly(display));
        if (bytes is null)
        {
            return [];
        }

        _pulledFiles.Add(file);
        return CaseFileReader.Read(bytes, file, display, _context);
    }

    private List<AssertionSpec> ReadDefaults(MappingReader root)
    {
        var r = _context.Mapping(root.Get("defaults"), "'defaults'", "defaults", null, DefaultsKeys);
        if (r is null)
        {
            return [];
        }

        r.ReportUnknown();
        return _cases.ReadAssertions(r.Sequence("assertions"), "'defaults.assertions'");
    }

    private ShipGateSpec ReadGate(MappingReader root)
    {
        var r = _context.Mapping(root.Get("gate"), "'gate'", "gate", null, GateKeys);
        if (r is null)
        {
            return new ShipGateSpec();
        }

        r.ReportUnknown();
        if (root.Get("gate") is MappingNode both && both.Entries.Any(e => e.Key.Value == "min_rubric_mean") && both.Entries.Select(e => e.Key).FirstOrDefault(k => k.Value == "rubric_mean_above") is { } strict)
        {
            _context.Error(strict.Location, "'gate.rubric_mean_above' and 'gate.min_rubric_mean' are both declared", "keep one: rubric_mean_above is strict (>), min_rubric_mean inclusive (≥)");
        }

        return new ShipGateSpec
        {
            MinPassRate = r.Double("min_pass_rate", 0, 1),
            MinMeanScore = r.Double("min_mean_score", 0, 1),
            MaxSafetyFailures = r.Int32("max_safety_failures", 0),
            MaxP95LatencyMs = r.Double("max_p95_latency_ms", 0),
            MaxCostPerRequest = r.Decimal("max_cost_per_request", 0),
            MaxErrorRate = r.Double("max_error_rate", 0, 1),
            MinRubricMean = r.Double("min_rubric_mean", 1, 5),
            MaxInconclusiveRate = r.Double("max_inconclusive_rate", 0, 1),
            MaxHallucinationRate = r.Double("max_hallucination_rate", 0, 1),
            MinJudgeKappa = r.Double("min_judge_kappa", -1, 1),
            MinHumanLabels = r.Int32("min_human_labels", 1),
            RubricMeanAbove = r.Double("rubric_mean_above", 1, 5),
            MinJudged = r.Int32("min_judged", 1),
            AllowApproximateGroundedness = r.Bool("allow_approximate_groundedness") ?? false,
            SchemaFailuresAreSafetyFailures = r.Bool("schema_failures_are_safety_failures") ?? false,
        };
    }

    private RunSettings ReadRun(MappingReader root, int caseCount, int candidateCount)
    {
        var defaults = new RunSettings();
        var r = _context.Mapping(root.Get("run"), "'run'", "run", null, RunKeys);
        if (r is null)
        {
            CheckPlan(root.Location, caseCount, candidateCount, defaults.Repeats);
            return defaults;
        }

        r.ReportUnknown();
        var timeout = r.Double("timeout_seconds", RunLimits.MinTimeoutSeconds, RunLimits.MaxTimeoutSeconds);
        var baseDelay = r.Double("retry_base_delay_ms", 0, RunLimits.MaxDelayMs);
        var maxDelay = r.Double("max_retry_delay_ms", 0, RunLimits.MaxDelayMs);
        var repeats = (int?)r.Integer("repeats", 1, RunLimits.MaxRepeats);
        CheckPlan(r.Get("repeats")?.Location ?? r.Location, caseCount, candidateCount, repeats ?? defaults.Repeats);
        return new RunSettings
        {
            Concurrency = (int?)r.Integer("concurrency", 1, RunLimits.MaxConcurrency) ?? defaults.Concurrency,
            Repeats = repeats ?? defaults.Repeats,
            Timeout = timeout is { } t ? TimeSpan.FromSeconds(t) : defaults.Timeout,
            MaxRetries = (int?)r.Integer("retries", 0, RunLimits.MaxRetries) ?? defaults.MaxRetries,
            RetryBaseDelay = baseDelay is { } b ? TimeSpan.FromMilliseconds(b) : defaults.RetryBaseDelay,
            MaxRetryDelay = maxDelay is { } m ? TimeSpan.FromMilliseconds(m) : defaults.MaxRetryDelay,
        };
    }

    /// <summary>Every {{var}} of every prompt a candidate renders must be defined by every case.</summary>
    private void CheckVars(List<PromptTemplate> prompts, List<CandidateSpec> candidates, List<EvalCase> cases)
    {
        if (prompts.Count == 0)
        {
            return;
        }

        var used = candidates
            .Select(c => prompts.FirstOrDefault(p => p.Id == c.Prompt) ?? prompts[0])
            .Distinct()
            .ToList();
        foreach (var prompt in used)
        {
            var names = PromptRenderer.Variables(prompt.System).Concat(PromptRenderer.Variables(prompt.User)).Distinct().ToList();
            foreach (var c in cases)
            {
                var missing = names.Where(n => !c.Vars.ContainsKey(n)).ToList();
                if (missing.Count > 0)
                {
                    var list = string.Join(", ", missing.Select(n => "{{" + n + "}}"));
                    _context.Error(c.Location, $"case '{c.Id}' does not define {list} used by prompt '{prompt.Id}'", $"add {(missing.Count == 1 ? "it" : "them")} under the case's vars (extra vars are fine)");
                }
            }
        }
    }

    private void CheckSimilarReferences(List<AssertionSpec> defaults, List<EvalCase> cases)
    {
        foreach (var c in cases.Where(c => c.Reference is null))
        {
            foreach (var a in defaults.Concat(c.Assertions).Where(a => a.Type == AssertionTypes.Similar && a.Value is null))
            {
                var at = c.Assertions.Contains(a) ? a.Location : c.Location;
                _context.Error(at, $"assertion '{a.DisplayType}' of case '{c.Id}' has no 'value' and the case has no 'reference'", "give the assertion a 'value' or the case a 'reference'");
            }
        }
    }

    private byte[]? ReadBytes(string path, SourceLocation at)
    {
        try
        {
            if (new FileInfo(path).Length > SpecLimits.MaxFileBytes)
            {
                _context.Error(at, $"'{_context.Display(path)}' is larger than {SpecLimits.MaxFileBytes / (1024 * 1024)} MiB, the limit for files a spec names", "split it into smaller files");
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _context.Error(at, $"cannot read '{_context.Display(path)}': {e.Message}", null);
            return null;
        }
    }

    private static string Decode(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>SHA-256 over the spec and each pulled-in file (path, length, bytes) in the order they were read.</summary>
    /// <summary>
    /// The run-relevant content: the spec without its decision sections (selection, economics, risk, rollout), plus every
    /// file it pulled in. Editing the traffic model or a weight must not make the last eval run look stale (with real
    /// models a re-run costs money); editing a prompt, a candidate, a case or a gate must.
    /// </summary>
    private string Hash(byte[] specBytes, MappingNode root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(RunRelevant(specBytes, root));
        foreach (var file in _pulledFiles.Distinct(StringComparer.Ordinal))
        {
            // Streamed: every pulled file was checked to be a regular file of bounded size, but need not fit in memory twice.
            using var stream = File.OpenRead(file);
            hash.AppendData(Encoding.UTF8.GetBytes($"\0{_context.Display(file)}\0{stream.Length.ToString(CultureInfo.InvariantCulture)}\0"));
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static readonly string[] DecisionSections = ["selection", "economics", "risk", "rollout"];

    /// <summary>The spec's lines minus each decision section (from its key to the next top-level key).</summary>
    private static byte[] RunRelevant(byte[] specBytes, MappingNode root)
    {
        var starts = root.Entries.Select(e => (Key: e.Key.Value, Line: e.Key.Location.Line)).OrderBy(e => e.Line).ToList();
        var dropped = new List<(int From, int To)>();
        for (var i = 0; i < starts.Count; i++)
        {
            if (DecisionSections.Contains(starts[i].Key) && starts[i].Line > 0)
            {
                dropped.Add((starts[i].Line, i + 1 < starts.Count ? starts[i + 1].Line - 1 : int.MaxValue));
            }
        }

        var lines = Decode(specBytes).Split('\n');
        var kept = lines.Where((_, index) => !dropped.Any(d => index + 1 >= d.From && index + 1 <= d.To));

        // Trailing blank lines are not content: adding a section at the end and removing it again gives the same hash.
        return Encoding.UTF8.GetBytes(string.Join('\n', kept).TrimEnd());
    }

    private static string Shorten(string s) => s.Length <= 12 ? s : s[..6] + "…";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*\z")]
    private static partial Regex FeatureNamePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex EnvNamePattern();
}
