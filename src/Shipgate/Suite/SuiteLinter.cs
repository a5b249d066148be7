using System.Globalization;
using Microsoft.Extensions.AI;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Suite;

/// <summary>
/// Checks a suite against the framework's common mistakes: size and category coverage, near-duplicate cases,
/// cases that test nothing, a suite that is too easy or too hard on the latest completed run, cases that never
/// discriminate between candidates, an uncalibrated judge, and production no longer feeding the suite.
/// Every finding says what to do. See docs/lint.md for the codes.
/// </summary>
public sealed class SuiteLinter
{
    private const int ListLimit = 10;
    private static readonly string[] ProductionOrigins = ["production", "complaint"];

    private readonly Func<IEmbeddingGenerator<string, Embedding<float>>> _embeddings;
    private readonly TimeProvider _time;

    /// <param name="embeddings">Called only when the suite has at least two cases to compare, so the model loads only when needed.</param>
    public SuiteLinter(Func<IEmbeddingGenerator<string, Embedding<float>>> embeddings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(time);
        _embeddings = embeddings;
        _time = time;
    }

    /// <param name="store">Where the latest completed run is read from; null (no store yet) means no run, which is a finding.</param>
    public async Task<LintReport> LintAsync(FeatureSpec spec, IRunStore? store, SuiteLintOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new SuiteLintOptions();
        options.Validate();

        var findings = new List<LintFinding>();
        CheckSize(spec, options, findings);
        CheckCategories(spec, options, findings);
        CheckAssertions(spec, findings);
        await CheckDuplicatesAsync(spec, options, findings, cancellationToken).ConfigureAwait(false);

        string? runId = null;
        var run = store is null ? null : await store.GetLatestRunAsync(spec.Name, [RunStatus.Completed], cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            findings.Add(new(LintSeverity.Info, "SG120", "no completed run yet: the too-easy, too-hard and discrimination checks were skipped",
                "run 'shipgate eval', then lint again"));
        }
        else
        {
            runId = run.Id;
            var results = await store!.GetResultsAsync(run.Id, cancellationToken).ConfigureAwait(false);
            CheckRun(spec, run, results, findings);
        }

        if (options.HumanLabelCount == 0)
        {
            findings.Add(new(LintSeverity.Info, "SG140", "no human labels: the judge is uncalibrated",
                "have a person score a sample of outputs (30 or more) so the judge's agreement with people can be measured; run 'shipgate review' or 'shipgate labels import', then 'shipgate calibration'"));
        }

        CheckProduction(spec, options, findings);

        var ordered = findings
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.File ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ToList();
        return new LintReport(ordered, spec.Cases.Count, runId);
    }

    private static void CheckSize(FeatureSpec spec, SuiteLintOptions options, List<LintFinding> findings)
    {
        var n = spec.Cases.Count;
        if (n < options.MinCases)
        {
            findings.Add(new(LintSeverity.Warning, "SG101",
                $"the suite has {Cases(n)}; below {options.MinCases} a pass rate's interval is too wide to tell a good candidate from a bad one",
                $"add {options.MinCases - n} or more cases (happy path, edge, adversarial); 'shipgate cases add' turns production failures into cases"));
        }
        else if (n > options.MaxCases)
        {
            findings.Add(new(LintSeverity.Info, "SG102",
                $"the suite has {Cases(n)}; beyond {options.MaxCases} each run costs more without telling you much more",
                "keep the cases that discriminate between candidates; merge near-duplicates (see SG110)"));
        }
    }

    private static void CheckCategories(FeatureSpec spec, SuiteLintOptions options, List<LintFinding> findings)
    {
        var n = spec.Cases.Count;
        foreach (var tag in new[] { CaseTags.Happy, CaseTags.Edge, CaseTags.Adversarial })
        {
            var count = spec.Cases.Count(c => HasTag(c, tag));
            if (count == 0)
            {
                findings.Add(new(LintSeverity.Warning, "SG103", $"no case is tagged '{tag}'", $"add {tag} cases and tag them [{tag}]: {Purpose(tag)}"));
            }
            else if ((double)count / n < options.MinCategoryShare)
            {
                findings.Add(new(LintSeverity.Warning, "SG104",
                    string.Create(CultureInfo.InvariantCulture, $"only {Cases(count)} of {n} ({(double)count / n:0%}) are tagged '{tag}'"),
                    string.Create(CultureInfo.InvariantCulture, $"bring '{tag}' to at least {options.MinCategoryShare:0%} of the suite: {Purpose(tag)}")));
            }
        }

        if (!spec.Cases.Any(c => c.IsSafety))
        {
            findings.Add(new(LintSeverity.Warning, "SG105", "no case is tagged 'safety', so the ship gate cannot count safety failures",
                "add cases that must never go wrong (harmful requests, private data, promises outside policy) and tag them [safety]"));
        }
    }

    private static string Purpose(string tag) => tag switch
    {
        CaseTags.Happy => "the common questions customers really ask",
        CaseTags.Edge => "unusual but legitimate inputs (typos, other languages, empty or very long input, questions the documents do not cover)",
        _ => "inputs that try to break the feature (prompt injection, requests to reveal instructions, pressure to break policy)",
    };

    private static void CheckAssertions(FeatureSpec spec, List<LintFinding> findings)
    {
        var bare = spec.Cases.Where(c => c.Assertions.Count == 0).ToList();
        if (spec.DefaultAssertions.Count == 0)
        {
            foreach (var c in bare)
            {
                findings.Add(new(LintSeverity.Error, "SG130", $"case '{c.Id}' has no assertions and the spec has no defaults, so it tests nothing",
                    "add assertions to the case (or 'defaults.assertions' to the spec) saying what a good answer must or must not contain", c.Location));
            }
        }
        else if (bare.Count > 0)
        {
            findings.Add(new(LintSeverity.Info, "SG131", $"{Cases(bare.Count)} only check the spec's defaults: {List(bare.Select(c => c.Id))}",
                "add assertions for what a good answer to each must contain; production cases arrive without any", bare[0].Location));
        }
    }

    private async Task CheckDuplicatesAsync(FeatureSpec spec, SuiteLintOptions options, List<LintFinding> findings, CancellationToken cancellationToken)
    {
        var texts = spec.Cases.Select(c => CaseText.Of(c.Vars)).ToList();
        if (texts.Count(t => t.Length > 0) < 2)
        {
            return;
        }

        float[]?[] vectors;
        try
        {
            vectors = await NearDuplicates.EmbedAsync(_embeddings(), texts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            findings.Add(new(LintSeverity.Info, "SG119", $"the near-duplicate check was skipped: the embedding model failed ({ex.Message})",
                "lint again; if it keeps failing, report it with the message above"));
            return;
        }

        foreach (var pair in NearDuplicates.Pairs(vectors, options.DuplicateThreshold))
        {
            var a = spec.Cases[pair.First];
            var b = spec.Cases[pair.Second];
            findings.Add(new(LintSeverity.Warning, "SG110",
                string.Create(CultureInfo.InvariantCulture, $"cases '{a.Id}' ({a.Location}) and '{b.Id}' ({b.Location}) are near-duplicates (similarity {pair.Cosine:0.000})"),
                "drop one or make it test something the other does not; near-duplicates weigh one behaviour twice in the pass rate",
                b.Location));
        }
    }

    private static void CheckRun(FeatureSpec spec, RunRecord run, IReadOnlyList<ResultRecord> results, List<LintFinding> findings)
    {
        var current = spec.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var scored = results.Where(r => r.Error is null && current.Contains(r.CaseId)).ToList();
        if (scored.Count == 0)
        {
            findings.Add(new(LintSeverity.Info, "SG120", $"the latest completed run ({run.Id}) has no scored results for the current cases",
                "run 'shipgate eval', then lint again"));
            return;
        }

        if (!string.Equals(run.SpecHash, spec.ContentHash, StringComparison.Ordinal))
        {
            findings.Add(new(LintSeverity.Info, "SG129", $"run {run.Id} tested an earlier version of the spec; the run-based findings describe that version",
                "run 'shipgate eval' to check the suite as it is now"));
        }

        var label = $"run {run.Id}";
        if (scored.All(r => r.Pass))
        {
            findings.Add(new(LintSeverity.Warning, "SG121", $"too easy: every result in {label} passed, on every candidate",
                "add harder cases (edge, adversarial) or stricter assertions until some candidate fails something; a suite nothing fails cannot tell candidates apart"));
            return;
        }

        if (!scored.Any(r => r.Pass))
        {
            findings.Add(new(LintSeverity.Warning, "SG122", $"too hard: nothing in {label} passed, on any candidate",
                "check the assertions against a good answer written by hand (they may be too strict or wrong), and the prompt and candidates"));
            return;
        }

        // Verdict per (case, candidate): passes only when every repeat passed.
        var verdicts = scored
            .GroupBy(r => r.CaseId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(r => r.CandidateId, StringComparer.Ordinal).Select(c => c.All(r => r.Pass)).ToList(),
                StringComparer.Ordinal);
        var candidates = scored.Select(r => r.CandidateId).Distinct(StringComparer.Ordinal).Count();
        if (candidates < 2)
        {
            return;
        }

        var judged = spec.Cases.Where(c => verdicts.TryGetValue(c.Id, out var v) && v.Count >= 2).ToList();
        var passEverywhere = judged.Where(c => verdicts[c.Id].All(p => p)).Select(c => c.Id).ToList();
        var failEverywhere = judged.Where(c => verdicts[c.Id].All(p => !p)).Select(c => c.Id).ToList();
        if (passEverywhere.Count + failEverywhere.Count == 0)
        {
            return;
        }

        var share = (double)(passEverywhere.Count + failEverywhere.Count) / judged.Count;
        var parts = new List<string>();
        if (passEverywhere.Count > 0)
        {
            parts.Add($"{passEverywhere.Count} pass on every candidate ({List(passEverywhere)})");
        }

        if (failEverywhere.Count > 0)
        {
            parts.Add($"{failEverywhere.Count} fail on every candidate ({List(failEverywhere)})");
        }

        findings.Add(new(share > 0.5 ? LintSeverity.Warning : LintSeverity.Info, "SG123",
            string.Create(CultureInfo.InvariantCulture,
                $"{passEverywhere.Count + failEverywhere.Count} of {judged.Count} cases ({share:0%}) never discriminate between the {candidates} candidates in {label}: {string.Join("; ", parts)}"),
            "such cases cannot change which candidate wins: make some harder, check the ones every candidate fails for a wrong assertion, and keep the ones guarding must-not-break behaviour"));
    }

    private void CheckProduction(FeatureSpec spec, SuiteLintOptions options, List<LintFinding> findings)
    {
        var production = spec.Cases
            .Where(c => c.Origin is { } o && ProductionOrigins.Contains(o, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (production.Count == 0)
        {
            findings.Add(new(LintSeverity.Warning, "SG150", "no case came from production (origin: production or complaint): the suite only knows what its authors imagined",
                "collect real failures and complaints as JSONL and add them with 'shipgate cases add FILE'"));
            return;
        }

        var dated = production.Where(c => c.Added is not null).ToList();
        if (dated.Count == 0)
        {
            findings.Add(new(LintSeverity.Info, "SG152", $"{Cases(production.Count)} came from production but none says when it was added",
                "give production cases 'added: YYYY-MM-DD' ('shipgate cases add' does) so lint can tell whether the suite is still growing", production[0].Location));
            return;
        }

        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var newest = dated.MaxBy(c => c.Added!.Value)!;
        var days = today.DayNumber - newest.Added!.Value.DayNumber;
        if (days > options.StaleDays)
        {
            findings.Add(new(LintSeverity.Warning, "SG151",
                $"no case added from production for {days} days (the newest is '{newest.Id}', added {newest.Added.Value:yyyy-MM-dd}); the suite stops tracking what users really send",
                "add recent production failures and complaints with 'shipgate cases add FILE'", newest.Location));
        }
    }

    private static bool HasTag(EvalCase c, string tag) => c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);

    private static string Cases(int n) => n == 1 ? "1 case" : $"{n} cases";

    private static string List(IEnumerable<string> ids)
    {
        var all = ids.ToList();
        return all.Count <= ListLimit
            ? string.Join(", ", all)
            : string.Join(", ", all.Take(ListLimit)) + $" and {all.Count - ListLimit} more";
    }
}
