using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Shipgate.Specs;

namespace Shipgate.Suite;

/// <summary>
/// Turns production traces and complaints (JSONL) into suite cases: maps inputs to prompt vars, tags them with
/// their origin and date, drops near-duplicates of the suite and of each other, appends the rest to a YAML case
/// file without rewriting what is there, and re-loads the spec to validate, rolling the append back if it fails.
/// </summary>
public sealed partial class CaseImporter
{
    private readonly ISpecLoader _loader;
    private readonly Func<IEmbeddingGenerator<string, Embedding<float>>> _embeddings;
    private readonly TimeProvider _time;

    public CaseImporter(ISpecLoader loader, Func<IEmbeddingGenerator<string, Embedding<float>>> embeddings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(time);
        _loader = loader;
        _embeddings = embeddings;
        _time = time;
    }

    /// <param name="inputFile">Absolute path of the JSONL file.</param>
    /// <exception cref="CaseImportException">Bad input, an unusable case file, or a spec that no longer loads (rolled back).</exception>
    public async Task<CaseImportResult> ImportAsync(FeatureSpec spec, string inputFile, CaseImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        if (double.IsNaN(options.DuplicateThreshold) || options.DuplicateThreshold is < 0 or > 1)
        {
            throw new ArgumentException($"duplicate threshold must be between 0 and 1, got {options.DuplicateThreshold}", nameof(options));
        }

        var inputName = Path.GetFileName(inputFile);
        if (!File.Exists(inputFile))
        {
            throw new CaseImportException("nothing was added", [new SpecError(SourceLocation.FileOnly(inputFile), "file not found", "give the path of a JSONL file of production traces or complaints")]);
        }

        var target = Path.GetFullPath(Path.Combine(spec.RootDirectory, options.TargetFile));
        var targetDisplay = Path.GetRelativePath(spec.RootDirectory, target).Replace('\\', '/');
        if (targetDisplay == ".." || targetDisplay.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(targetDisplay))
        {
            throw new CaseImportException("nothing was added", [new SpecError(SourceLocation.FileOnly(options.TargetFile), $"--to points outside the feature folder ({spec.RootDirectory})", "give a case file inside the feature folder, e.g. cases/production.yaml")]);
        }

        if (Directory.Exists(target))
        {
            throw new CaseImportException("nothing was added", [new SpecError(SourceLocation.FileOnly(targetDisplay), "--to is a folder, not a case file", $"give a .yaml file, e.g. {targetDisplay.TrimEnd('/')}/production.yaml")]);
        }
        if (Path.GetExtension(target).ToLowerInvariant() is not (".yaml" or ".yml"))
        {
            throw new CaseImportException("nothing was added", [new SpecError(SourceLocation.FileOnly(targetDisplay), "cases are appended to a YAML case file", "give --to a .yaml or .yml path")]);
        }

        var errors = new List<SpecError>();
        var items = ProductionItemReader.Read(await ReadUtf8Async(inputFile, inputName, cancellationToken).ConfigureAwait(false), inputName, errors);
        var cases = Build(spec, items, inputName, errors);
        if (errors.Count > 0)
        {
            throw new CaseImportException("nothing was added", [.. errors.OrderBy(e => e.Location.Line)]);
        }

        var (kept, skipped) = await DeduplicateAsync(spec, cases, options.DuplicateThreshold, cancellationToken).ConfigureAwait(false);
        kept = UniqueIds(spec, items, kept);

        var existed = File.Exists(target);
        var original = existed ? await File.ReadAllBytesAsync(target, cancellationToken).ConfigureAwait(false) : null;
        var originalText = original is null ? "" : Encoding.UTF8.GetString(original);
        var indent = ListIndent(originalText, targetDisplay);
        var text = kept.Count == 0 ? "" : YamlCaseWriter.Write(kept, indent, inputName);
        if (!existed && text.Length > 0)
        {
            text = "# Cases that came from production (traces and complaints). Appended by 'shipgate cases add'; keep the history.\n" + text;
        }
        else if (text.Length > 0 && originalText.Length > 0 && !originalText.EndsWith('\n'))
        {
            text = "\n" + text;
        }

        bool? covered = spec.Cases.Any(c => SameFile(c.Location.File, targetDisplay)) ? true : existed ? false : null;
        if (options.DryRun || kept.Count == 0)
        {
            return new CaseImportResult(kept, skipped, targetDisplay, text, !existed, covered, options.DryRun);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.AppendAllTextAsync(target, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        FeatureSpec reloaded;
        try
        {
            reloaded = _loader.Load(spec.SpecFile);
        }
        catch (SpecException ex)
        {
            await RollBackAsync(target, original).ConfigureAwait(false);
            throw new CaseImportException($"the spec did not load with the new cases, so {targetDisplay} was rolled back; nothing was added", ex.Errors);
        }
        catch
        {
            await RollBackAsync(target, original).ConfigureAwait(false);
            throw;
        }

        covered = kept.All(k => reloaded.Cases.Any(c => c.Id == k.Id));
        if (covered == false && CheckOnItsOwn(spec, targetDisplay) is { Count: > 0 } problems)
        {
            await RollBackAsync(target, original).ConfigureAwait(false);
            throw new CaseImportException($"{targetDisplay} did not load with the new cases, so it was rolled back; nothing was added", problems);
        }

        return new CaseImportResult(kept, skipped, targetDisplay, text, !existed, covered, false);
    }

    private List<ImportedCase> Build(FeatureSpec spec, IReadOnlyList<ProductionItem> items, string inputName, List<SpecError> errors)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var needed = NeededVars(spec);
        var ids = spec.Cases.ToDictionary(c => c.Id, c => c.Location.ToString(), StringComparer.Ordinal);
        var built = new List<ImportedCase>();
        foreach (var item in items)
        {
            var at = new SourceLocation(inputName, item.Line, 1);
            Dictionary<string, string> vars;
            if (item.InputText is { } textInput)
            {
                if (needed.Count != 1)
                {
                    var names = needed.Count == 0 ? "no variables" : string.Join(", ", needed.Select(n => "{{" + n + "}}"));
                    errors.Add(new SpecError(at, $"'input' is text, but the prompts use {names}",
                        needed.Count == 0 ? "add a {{variable}} to the prompt for the user's input" : "give 'input' as an object with a value for each variable"));
                    continue;
                }

                vars = new Dictionary<string, string>(StringComparer.Ordinal) { [needed[0]] = textInput };
            }
            else
            {
                vars = new Dictionary<string, string>(item.InputVars!, StringComparer.Ordinal);
                var missing = needed.Where(n => !vars.ContainsKey(n)).ToList();
                if (missing.Count > 0)
                {
                    errors.Add(new SpecError(at, $"'input' has no value for {string.Join(", ", missing.Select(n => "{{" + n + "}}"))} used by the prompts",
                        $"add {(missing.Count == 1 ? "it" : "them")} to 'input' (the prompts use {string.Join(", ", needed)})"));
                    continue;
                }
            }

            // Generated ids are made unique after deduplication: the same input again is a duplicate, not a clash.
            var id = item.Id ?? GeneratedId(today, item.Origin, vars);
            if (item.Id is not null)
            {
                if (!IdPattern().IsMatch(id))
                {
                    errors.Add(new SpecError(at, $"id '{id}' may contain only letters, digits, '.', '_' and '-'", "fix the id or leave it out to get a generated one"));
                    continue;
                }

                if (ids.TryGetValue(id, out var where))
                {
                    errors.Add(new SpecError(at, $"id '{id}' is already used ({where})", "give another id, or leave it out to get a generated one"));
                    continue;
                }

                ids[id] = $"{inputName} line {item.Line.ToString(CultureInfo.InvariantCulture)}";
            }

            var tags = new List<string> { item.Origin };
            tags.AddRange(item.Tags.Where(t => !tags.Contains(t, StringComparer.OrdinalIgnoreCase)));
            var description = string.IsNullOrWhiteSpace(item.Note)
                ? $"{item.Origin} item from {inputName} line {item.Line.ToString(CultureInfo.InvariantCulture)}"
                : item.Note.Trim();
            built.Add(new ImportedCase(item.Line, id, description, item.Origin, today, tags, vars, item.Reference,
                string.IsNullOrWhiteSpace(item.Output) ? null : item.Output, item.Assertions) { Context = item.Context });
        }

        return built;
    }

    /// <summary>
    /// Validates a case file the spec does not include, with a throwaway spec in the state folder that uses the same
    /// prompt variables. (The spec's default assertions are not applied there.)
    /// </summary>
    private IReadOnlyList<SpecError> CheckOnItsOwn(FeatureSpec spec, string targetDisplay)
    {
        Directory.CreateDirectory(spec.StateDirectory);
        var checkSpec = Path.Combine(spec.StateDirectory, $"cases-check-{Guid.NewGuid():N}.yaml");
        var up = Path.GetRelativePath(spec.StateDirectory, spec.RootDirectory).Replace('\\', '/');
        var prefix = up == "." ? "" : up + "/";
        var user = string.Join(" ", NeededVars(spec).Select(v => "{{" + v + "}}"));
        var text = string.Join('\n',
            "version: 1",
            "feature: { name: cases-check, allow_outside_files: true }", // it sits in the state folder, the case file one level up
            "prompts:",
            "  - id: check",
            $"    user: {YamlCaseWriter.Quote(user.Length == 0 ? "check" : user)}",
            "candidates:",
            "  - id: check",
            "    provider: local:extractive",
            "suite:",
            "  files:",
            $"    - {YamlCaseWriter.Quote(prefix + targetDisplay)}",
            "");
        try
        {
            File.WriteAllText(checkSpec, text);
            _loader.Load(checkSpec);
            return [];
        }
        catch (SpecException ex)
        {
            return [.. ex.Errors.Select(e => e.Location.File.StartsWith(prefix, StringComparison.Ordinal) && prefix.Length > 0
                ? e with { Location = e.Location with { File = e.Location.File[prefix.Length..] } }
                : e)];
        }
        finally
        {
            File.Delete(checkSpec);
        }
    }

    /// <summary>Suffixes generated ids that clash with the suite or each other (same input, same day, kept anyway).</summary>
    private static List<ImportedCase> UniqueIds(FeatureSpec spec, IReadOnlyList<ProductionItem> items, List<ImportedCase> kept)
    {
        var given = items.Where(i => i.Id is not null).Select(i => i.Line).ToHashSet();
        var taken = spec.Cases.Select(c => c.Id).Concat(kept.Where(k => given.Contains(k.Line)).Select(k => k.Id)).ToHashSet(StringComparer.Ordinal);
        var result = new List<ImportedCase>(kept.Count);
        foreach (var c in kept)
        {
            if (given.Contains(c.Line))
            {
                result.Add(c);
                continue;
            }

            var id = c.Id;
            for (var n = 2; taken.Contains(id); n++)
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{c.Id}-{n}");
            }

            taken.Add(id);
            result.Add(c with { Id = id });
        }

        return result;
    }

    /// <summary>Variables every case must define: those of each prompt a candidate uses (as the loader checks).</summary>
    private static List<string> NeededVars(FeatureSpec spec) =>
        spec.Candidates
            .Select(c => spec.Prompts.FirstOrDefault(p => p.Id == c.Prompt) ?? spec.Prompts[0])
            .Distinct()
            .SelectMany(p => PromptRenderer.Variables(p.System).Concat(PromptRenderer.Variables(p.User)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private async Task<(List<ImportedCase> Kept, List<SkippedItem> Skipped)> DeduplicateAsync(
        FeatureSpec spec, List<ImportedCase> cases, double threshold, CancellationToken cancellationToken)
    {
        var existingTexts = spec.Cases.Select(c => CaseText.Of(c.Vars)).ToList();
        var newTexts = cases.Select(c => CaseText.Of(c.Vars)).ToList();
        var vectors = await NearDuplicates.EmbedAsync(_embeddings(), [.. existingTexts, .. newTexts], cancellationToken).ConfigureAwait(false);
        var existing = vectors[..existingTexts.Count];
        var kept = new List<ImportedCase>();
        var keptVectors = new List<float[]?>();
        var skipped = new List<SkippedItem>();
        for (var i = 0; i < cases.Count; i++)
        {
            var vector = vectors[existingTexts.Count + i];
            if (NearDuplicates.Closest(vector, existing, threshold) is { } hit)
            {
                var c = spec.Cases[hit.Index];
                skipped.Add(new SkippedItem(cases[i].Line, $"case '{c.Id}' ({c.Location})", hit.Cosine));
            }
            else if (NearDuplicates.Closest(vector, keptVectors, threshold) is { } earlier)
            {
                skipped.Add(new SkippedItem(cases[i].Line, $"line {kept[earlier.Index].Line.ToString(CultureInfo.InvariantCulture)} of the same file", earlier.Cosine));
            }
            else
            {
                kept.Add(cases[i]);
                keptVectors.Add(vector);
            }
        }

        return (kept, skipped);
    }

    /// <summary>
    /// Spaces before the dashes of the file's case list, so appended items continue it. The file must be empty,
    /// a block list of cases, or a mapping whose 'cases:' is a block list.
    /// </summary>
    private static string ListIndent(string text, string display)
    {
        var errors = new List<SpecError>();
        var root = YamlTreeReader.Read(text, display, errors, out _);
        if (errors.Count > 0)
        {
            throw new CaseImportException($"{display} is not valid YAML, so nothing was appended; fix it first ('shipgate validate')", errors);
        }

        var list = root switch
        {
            null => null,
            SequenceNode s => s,
            MappingNode m when m.Entries.Count == 1 && m.Entries[0].Key.Value == "cases" && m.Entries[0].Value is SequenceNode s => s,
            _ => throw new CaseImportException("nothing was added",
                [new SpecError(root.Location, "expected a list of cases (or a mapping with only 'cases:')", "append to a YAML case file, or give --to a new file")]),
        };
        if (list is null)
        {
            return "";
        }

        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var at = list.Location;
        if (list.Items.Count == 0 || CharAt(lines, at) == '[')
        {
            throw new CaseImportException("nothing was added",
                [new SpecError(at, "the case list is written in flow style ([...]), which cannot be appended to", "rewrite it as a block list ('- id: ...' items), or give --to another file")]);
        }

        var first = lines[at.Line - 1];
        var dash = first.IndexOf('-', StringComparison.Ordinal);
        return dash <= 0 ? "" : new string(' ', dash);
    }

    private static char? CharAt(string[] lines, SourceLocation at) =>
        at.Line >= 1 && at.Line <= lines.Length && at.Column >= 1 && at.Column <= lines[at.Line - 1].Length
            ? lines[at.Line - 1][at.Column - 1]
            : null;

    private static async Task RollBackAsync(string target, byte[]? original)
    {
        if (original is null)
        {
            File.Delete(target);
        }
        else
        {
            await File.WriteAllBytesAsync(target, original, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The file as UTF-8, strictly: invalid bytes are an error at their line, not silently replaced.</summary>
    private static async Task<string> ReadUtf8Async(string file, string display, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + bytes.AsSpan(0, Math.Clamp(ex.Index, 0, bytes.Length)).Count((byte)'\n');
            throw new CaseImportException("nothing was added", [new SpecError(new SourceLocation(display, line, 1), "the file is not valid UTF-8", "save it as UTF-8")]);
        }
    }

    private static bool SameFile(string a, string b) => string.Equals(a.Replace('\\', '/'), b, StringComparison.Ordinal);

    /// <summary><c>prod-YYYYMMDD-&lt;8 hex&gt;</c>: the same input on the same day always gets the same id.</summary>
    private static string GeneratedId(DateOnly today, string origin, IReadOnlyDictionary<string, string> vars)
    {
        var canonical = origin + "\n" + string.Join("\n", vars.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..8];
        return $"prod-{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{hash}";
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
