namespace Shipgate.Specs;

/// <summary>Reads the <c>rollout:</c> section: stages in order (traffic never shrinks, the last reaches 100%) and stage gates.</summary>
internal sealed partial class SpecReader
{
    private static readonly string[] RolloutKeys = ["stages", "gates", "sample_rate"];
    private static readonly string[] RolloutStageKeys = ["name", "audience", "traffic", "min_days", "min_requests"];
    private static readonly string[] RolloutGateKeys = ["min_rubric_mean", "max_hallucination_rate", "max_p95_latency_ms", "max_cost_per_request", "max_error_rate", "max_negative_feedback_rate"];
    private static readonly string[] AudienceNames = ["shadow", "internal", "users"];

    private RolloutSpec ReadRollout(MappingReader root)
    {
        var r = _context.Mapping(root.Get("rollout"), "'rollout'", "rollout", null, RolloutKeys);
        if (r is null)
        {
            return new RolloutSpec();
        }

        r.ReportUnknown();
        var stages = ReadRolloutStages(r);
        var gates = new RolloutGateSpec();
        if (_context.Mapping(r.Get("gates"), "'rollout.gates'", "rollout.gates", null, RolloutGateKeys) is { } g)
        {
            g.ReportUnknown();
            gates = new RolloutGateSpec
            {
                MinRubricMean = g.Double("min_rubric_mean", 1, 5),
                MaxHallucinationRate = g.Double("max_hallucination_rate", 0, 1),
                MaxP95LatencyMs = g.Double("max_p95_latency_ms", 0, exclusiveMin: true),
                MaxCostPerRequest = g.Decimal("max_cost_per_request", 0),
                MaxErrorRate = g.Double("max_error_rate", 0, 1),
                MaxNegativeFeedbackRate = g.Double("max_negative_feedback_rate", 0, 1),
            };
        }

        var sampleRate = r.Double("sample_rate", 0, 1, exclusiveMin: true);
        return new RolloutSpec { Stages = stages ?? RolloutStageSpec.Defaults, Gates = gates, SampleRate = sampleRate, Declared = true, Location = r.Location };
    }

    private List<RolloutStageSpec>? ReadRolloutStages(MappingReader rollout)
    {
        var seq = rollout.Sequence("stages");
        if (seq is null)
        {
            return null;
        }

        if (seq.Items.Count == 0)
        {
            _context.Error(seq.Location, "'rollout.stages' is empty", "list the stages in order, e.g. shadow, internal, 5%, 25%, 100% (or leave 'stages' out for those defaults)");
            return null;
        }

        var stages = new List<RolloutStageSpec>();
        var incomplete = false;
        foreach (var item in seq.Items)
        {
            var s = _context.Mapping(item, "a rollout stage", null, "this rollout stage", RolloutStageKeys);
            if (s is null)
            {
                continue;
            }

            s.ReportUnknown();
            var name = s.Scalar("name", "a stage name", required: true);
            var audience = RolloutAudience.Users;
            var audienceKnown = true;
            if (s.Scalar("audience", "shadow, internal or users") is { } a)
            {
                var index = Array.IndexOf(AudienceNames, a.Value);
                if (index < 0)
                {
                    audienceKnown = false;
                    _context.Error(a.Location, $"unknown audience '{a.Value}' for {s.Name("audience")}", "use shadow (nobody sees answers), internal (employees) or users (a share of real users)");
                }
                else
                {
                    audience = (RolloutAudience)index;
                }
            }

            var traffic = s.Double("traffic", 0, 100);
            if (audience == RolloutAudience.Users && traffic is null)
            {
                // A stage without its share cannot be ordered: say so once, and skip the ordering checks that would follow.
                incomplete = true;
                var misspelt = s.Node.Entries.Any(e => !RolloutStageKeys.Contains(e.Key.Value));
                if (audienceKnown && !misspelt && s.Has("name") && !s.Has("traffic"))
                {
                    s.Missing("traffic", "give the share of users who see this stage, in percent (e.g. traffic: 5)");
                }

                continue;
            }
            else if (audience != RolloutAudience.Users && traffic is > 0)
            {
                _context.Error(s.Get("traffic")!.Location, $"a {AudienceNames[(int)audience]} stage shows answers to no outside users, so traffic must be 0", "drop 'traffic', or use audience: users");
            }

            var minRequests = s.Integer("min_requests", 1, int.MaxValue);
            if (name is null)
            {
                continue;
            }

            if (stages.FirstOrDefault(x => x.Name == name.Value) is { } previous)
            {
                _context.Error(name.Location, $"duplicate rollout stage '{name.Value}' (first at {previous.Location})", "stage names must be unique");
                continue;
            }

            var stage = new RolloutStageSpec
            {
                Name = name.Value,
                Audience = audience,
                TrafficPercent = audience == RolloutAudience.Users ? traffic ?? 0 : 0,
                MinDays = s.Double("min_days", 0, 365) ?? 0,
                MinRequests = minRequests is { } m ? (int)m : null,
                Location = s.Location,
            };
            if (stages.Count > 0 && stage.TrafficPercent < stages[^1].TrafficPercent)
            {
                _context.Error(stage.Location, $"rollout stage '{stage.Name}' shows the feature to {stage.TrafficPercent}% of users, fewer than '{stages[^1].Name}' before it ({stages[^1].TrafficPercent}%)", "order stages so traffic only grows");
            }

            stages.Add(stage);
        }

        if (!incomplete && stages.Count > 0 && stages[^1].TrafficPercent < 100)
        {
            _context.Error(stages[^1].Location, $"the last rollout stage '{stages[^1].Name}' reaches {stages[^1].TrafficPercent}% of users, not 100%", "end with a 100% stage (traffic: 100), or the plan never finishes");
        }

        return stages;
    }
}
