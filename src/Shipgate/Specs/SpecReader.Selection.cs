namespace Shipgate.Specs;

/// <summary>Reads the <c>selection:</c> section and the candidate fields the selection matrix uses (tier, profile).</summary>
internal sealed partial class SpecReader
{
    private static readonly string[] SelectionKeys = ["requirements", "review", "routing"];
    private static readonly string[] ReviewKeys = ["price_change", "quality_drop", "max_age_days"];
    private static readonly string[] RoutingKeys = ["holdout", "seed", "request_tags"];
    private static readonly string[] ProfileKeys = ["vendor", "context_window", "modalities", "fine_tuning", "regions", "no_training", "self_hosted"];
    private static readonly string[] TierNames = ["frontier", "efficient", "open-source"];
    private static readonly string[] MetricNames = ["rubric_mean", "pass_rate", "mean_score"];
    private static readonly string[] ModalityNames = ["text", "image", "audio", "video"];
    private static readonly string[] RequirementNames = ["quality", "pass_rate", "safety", "ship_gate", "latency", "cost", "privacy", "context", "modality", "fine_tuning", "vendor_diversity"];

    private static readonly Dictionary<string, string[]> RequirementKeys = new(StringComparer.Ordinal)
    {
        ["quality"] = ["weight", "hard", "metric", "min"],
        ["pass_rate"] = ["weight", "hard", "min"],
        ["safety"] = ["weight", "hard", "max_failures"],
        ["ship_gate"] = ["weight", "hard"],
        ["latency"] = ["weight", "hard", "p95_ms"],
        ["cost"] = ["weight", "hard", "max_per_request"],
        ["privacy"] = ["weight", "hard", "regions", "no_training", "self_hosted"],
        ["context"] = ["weight", "hard", "min_tokens"],
        ["modality"] = ["weight", "hard", "needs"],
        ["fine_tuning"] = ["weight", "hard", "needed"],
        ["vendor_diversity"] = ["weight", "hard", "min_vendors"],
    };

    private CandidateTier? ReadTier(MappingReader candidate)
    {
        var node = candidate.Scalar("tier", "frontier, efficient or open-source");
        switch (node?.Value)
        {
            case null:
                return null;
            case "frontier":
                return CandidateTier.Frontier;
            case "efficient":
                return CandidateTier.Efficient;
            case "open-source":
                return CandidateTier.OpenSource;
            default:
                _context.Error(node.Location, $"unknown tier '{node.Value}' for {candidate.Name("tier")}", DidYouMean.Hint(node.Value, TierNames, "tiers"));
                return null;
        }
    }

    private CandidateProfile ReadProfile(MappingReader candidate)
    {
        var r = _context.Mapping(candidate.Get("profile"), candidate.Name("profile"), null, $"the profile of {candidate.Where}", ProfileKeys);
        if (r is null)
        {
            return new CandidateProfile();
        }

        r.ReportUnknown();
        return new CandidateProfile
        {
            Vendor = r.String("vendor")?.Trim().ToLowerInvariant(),
            ContextWindow = r.Integer("context_window", 1),
            Modalities = ReadModalities(r, "modalities"),
            FineTuning = r.Bool("fine_tuning"),
            Regions = r.Strings("regions", allowSingle: true)?.Select(s => s.Value.Trim().ToLowerInvariant()).ToList(),
            NoTraining = r.Bool("no_training"),
            SelfHosted = r.Bool("self_hosted"),
        };
    }

    private List<string>? ReadModalities(MappingReader r, string key)
    {
        var nodes = r.Strings(key, allowSingle: true);
        if (nodes is null)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var node in nodes)
        {
            var value = node.Value.Trim().ToLowerInvariant();
            if (!ModalityNames.Contains(value))
            {
                _context.Error(node.Location, $"unknown modality '{node.Value}' in {r.Name(key)}", DidYouMean.Hint(value, ModalityNames, "modalities"));
                continue;
            }

            result.Add(value);
        }

        return result;
    }

    private SelectionSpec? ReadSelection(MappingReader root, List<CandidateSpec> candidates)
    {
        CheckOptionalCandidates(candidates);
        var r = _context.Mapping(root.Get("selection"), "'selection'", "selection", null, SelectionKeys);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var requirements = new List<SelectionRequirement>();
        var reqs = _context.Mapping(r.Get("requirements"), "'selection.requirements'", "selection.requirements", null, RequirementNames);
        if (reqs is null)
        {
            r.Missing("requirements", "add 'requirements:' with at least a quality requirement, e.g. quality: { weight: 5, metric: rubric_mean, min: 4.0 }");
        }
        else
        {
            reqs.ReportUnknown();
            foreach (var name in RequirementNames)
            {
                if (ReadRequirement(reqs, name) is { } requirement)
                {
                    requirements.Add(requirement);
                }
            }

            if (reqs.Node.Entries.Count == 0)
            {
                _context.Error(reqs.Location, "'selection.requirements' is empty", "declare at least one requirement, e.g. quality: { weight: 5, metric: rubric_mean, min: 4.0 }");
            }
        }

        return new SelectionSpec
        {
            Requirements = requirements,
            Review = ReadReview(r),
            Routing = ReadRouting(r),
            Location = r.Location,
        };
    }

    private SelectionRequirement? ReadRequirement(MappingReader requirements, string name)
    {
        var path = $"selection.requirements.{name}";
        var r = _context.Mapping(requirements.Get(name), $"'{path}'", path, null, RequirementKeys[name]);
        if (r is null)
        {
            return null;
        }

        r.ReportUnknown();
        var weight = r.Integer("weight", 1, 5);
        if (!r.Has("weight"))
        {
            r.Missing("weight", "weight: 1 (nice to have) to 5 (critical)");
        }

        var hard = r.Bool("hard") ?? false;
        var requirement = new SelectionRequirement { Kind = KindOf(name), Weight = (int)(weight ?? 1), Hard = hard, Location = r.Location };
        switch (name)
        {
            case "quality":
            {
                var metric = QualityMetric.RubricMean;
                if (r.Scalar("metric", "rubric_mean, pass_rate or mean_score") is { } m)
                {
                    switch (m.Value)
                    {
                        case "rubric_mean":
                            break;
                        case "pass_rate":
                            metric = QualityMetric.PassRate;
                            break;
                        case "mean_score":
                            metric = QualityMetric.MeanScore;
                            break;
                        default:
                            _context.Error(m.Location, $"unknown quality metric '{m.Value}' for {r.Name("metric")}", DidYouMean.Hint(m.Value, MetricNames, "metrics"));
                            break;
                    }
                }

                var min = metric == QualityMetric.RubricMean ? r.Double("min", 1, 5) : r.Double("min", 0, 1);
                if (hard && !r.Has("min"))
                {
                    _context.Error(r.Location, $"'{path}' is hard but has no 'min'", "add the bar a candidate must reach, e.g. min: 4.0 (rubric_mean) or min: 0.8 (pass_rate)");
                }

                requirement = requirement with { Metric = metric, Min = min };
                break;
            }

            case "pass_rate":
                requirement = requirement with { Metric = QualityMetric.PassRate, Min = r.Double("min", 0, 1) };
                if (hard && !r.Has("min"))
                {
                    _context.Error(r.Location, $"'{path}' is hard but has no 'min'", "add the share of results that must pass, e.g. min: 0.8");
                }

                break;
            case "safety":
                requirement = requirement with { MaxFailures = (int?)r.Integer("max_failures", 0, 1_000_000) ?? 0 };
                break;
            case "ship_gate":
                break;
            case "latency":
                requirement = requirement with { P95Ms = r.Double("p95_ms", 0, null, required: true, exclusiveMin: true) };
                break;
            case "cost":
                requirement = requirement with { MaxPerRequest = r.Decimal("max_per_request", 0, required: true) };
                break;
            case "privacy":
                requirement = requirement with
                {
                    Regions = r.Strings("regions", allowSingle: true)?.Select(s => s.Value.Trim().ToLowerInvariant()).ToList(),
                    NoTraining = r.Bool("no_training"),
                    SelfHosted = r.Bool("self_hosted"),
                };
                if (!r.Has("regions") && !r.Has("no_training") && !r.Has("self_hosted"))
                {
                    _context.Error(r.Location, $"'{path}' declares nothing to check", "add regions: [eu], no_training: true and/or self_hosted: true");
                }

                break;
            case "context":
                requirement = requirement with { MinTokens = r.Integer("min_tokens", 1, required: true) };
                break;
            case "modality":
                requirement = requirement with { Needs = ReadModalities(r, "needs") ?? [] };
                if (!r.Has("needs"))
                {
                    r.Missing("needs", "e.g. needs: [text, image]");
                }

                break;
            case "fine_tuning":
                requirement = requirement with { Needed = r.Bool("needed") ?? true };
                break;
            case "vendor_diversity":
                requirement = requirement with { MinVendors = (int?)r.Integer("min_vendors", 1, 20) ?? 2 };
                break;
        }

        return weight is null ? null : requirement;
    }

    private static RequirementKind KindOf(string name) => name switch
    {
        "quality" => RequirementKind.Quality,
        "pass_rate" => RequirementKind.PassRate,
        "safety" => RequirementKind.Safety,
        "ship_gate" => RequirementKind.ShipGate,
        "latency" => RequirementKind.Latency,
        "cost" => RequirementKind.Cost,
        "privacy" => RequirementKind.Privacy,
        "context" => RequirementKind.Context,
        "modality" => RequirementKind.Modality,
        "fine_tuning" => RequirementKind.FineTuning,
        _ => RequirementKind.VendorDiversity,
    };

    private ReviewTriggers ReadReview(MappingReader selection)
    {
        var r = _context.Mapping(selection.Get("review"), "'selection.review'", "selection.review", null, ReviewKeys);
        if (r is null)
        {
            return new ReviewTriggers();
        }

        r.ReportUnknown();
        return new ReviewTriggers
        {
            PriceChange = r.Double("price_change", 0, 10, exclusiveMin: true) ?? ReviewTriggers.DefaultPriceChange,
            QualityDrop = r.Double("quality_drop", 0, 5, exclusiveMin: true),
            MaxAgeDays = (int?)r.Integer("max_age_days", 1, 3650) ?? ReviewTriggers.DefaultMaxAgeDays,
        };
    }

    private RoutingSettings ReadRouting(MappingReader selection)
    {
        var r = _context.Mapping(selection.Get("routing"), "'selection.routing'", "selection.routing", null, RoutingKeys);
        if (r is null)
        {
            return new RoutingSettings();
        }

        r.ReportUnknown();
        var defaults = new RoutingSettings();
        return new RoutingSettings
        {
            Holdout = r.Double("holdout", 0.05, 0.9) ?? defaults.Holdout,
            Seed = (int?)r.Integer("seed", 0, int.MaxValue) ?? defaults.Seed,
            RequestTags = ReadRequestTags(r),
        };
    }

    /// <summary><c>selection.routing.request_tags</c>: the case tags a live request carries, so router rules may use them.</summary>
    private List<string> ReadRequestTags(MappingReader routing)
    {
        var tags = new List<string>();
        foreach (var node in routing.Strings("request_tags", allowSingle: true) ?? [])
        {
            var tag = node.Value.Trim();
            if (tag.Length == 0)
            {
                _context.Error(node.Location, $"an empty tag in {routing.Name("request_tags")}", "list the case tags your production requests carry, e.g. request_tags: [edge, safety]");
            }
            else if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    /// <summary><c>optional: true</c> only means something when the candidate reads a key or a URL from the environment.</summary>
    private void CheckOptionalCandidates(List<CandidateSpec> candidates)
    {
        foreach (var c in candidates.Where(c => c.Optional && c.ApiKeyEnv is null && !(c.BaseUrl ?? "").Contains("${", StringComparison.Ordinal)))
        {
            _context.Error(c.Location, $"candidate '{c.Id}' is optional but reads nothing from the environment, so it would always run", "add api_key_env (or a ${VAR} in base_url) that switches it on, or remove 'optional: true'");
        }
    }
}
