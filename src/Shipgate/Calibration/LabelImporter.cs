using System.Globalization;
using System.Text;
using System.Text.Json;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Calibration;

/// <summary>
/// Reads human labels from CSV or JSONL (columns/keys: case_id, score, and optionally run_id, candidate_id, repeat,
/// criterion, note, labeler). All-or-nothing: every problem is reported with its line, and nothing is stored unless all are valid.
/// Problems include invalid UTF-8 or lone surrogates, repeated columns or keys, and a run, criterion, case or candidate
/// that does not exist (the error lists the valid values).
/// </summary>
public static class LabelImporter
{
    public static IReadOnlyList<HumanLabel> Read(string path, LabelTargets targets, string defaultLabeler, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (!File.Exists(path))
        {
            throw new SpecException(new SpecError(SourceLocation.FileOnly(path), "label file not found", "give the path of a .csv or .jsonl file"));
        }

        var defaultRun = targets.DefaultRun;
        var errors = new List<SpecError>();
        var text = ReadUtf8(path, errors);
        var rows = text is null ? [] : path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(text, path, errors) : ReadJsonl(text, path, errors);
        var known = targets.ResultsOfDefaultRun.Select(r => (r.CandidateId, r.CaseId, r.Repeat)).ToHashSet();
        var runs = targets.Runs.ToDictionary(r => r.Id, StringComparer.Ordinal);
        runs.TryAdd(defaultRun.Id, defaultRun);
        var criteria = targets.Criteria.ToHashSet(StringComparer.Ordinal);
        var labels = new List<HumanLabel>();
        foreach (var (location, fields) in rows)
        {
            string? Get(string key) => fields.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var caseId = Get("case_id");
            var runId = Get("run_id") ?? defaultRun.Id;
            if (!runs.TryGetValue(runId, out var run))
            {
                errors.Add(new SpecError(location, $"run_id '{runId}' is not a run of this feature", $"use one of {Listing(targets.Runs.Select(r => r.Id))}, or leave run_id empty for run {defaultRun.Id}"));
                continue;
            }

            var candidate = Get("candidate_id") ?? (run.Candidates.Count == 1 ? run.Candidates[0].Id : null);
            if (caseId is null)
            {
                errors.Add(new SpecError(location, "missing case_id", "every label names the case it scores"));
                continue;
            }

            if (candidate is null)
            {
                errors.Add(new SpecError(location, $"missing candidate_id: run {runId} has several candidates", $"add candidate_id ({string.Join(", ", run.Candidates.Select(c => c.Id))})"));
                continue;
            }

            if (Get("criterion") is { } criterion && !criteria.Contains(criterion))
            {
                errors.Add(criteria.Count == 0
                    ? new SpecError(location, $"criterion '{criterion}' given, but the spec has no rubric", "leave criterion empty to label the output as a whole")
                    : new SpecError(location, $"criterion '{criterion}' is not a criterion of the rubric", $"use one of {Listing(targets.Criteria)}, or leave it empty to label the output as a whole"));
                continue;
            }

            if (!int.TryParse(Get("score"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5)
            {
                errors.Add(new SpecError(location, $"score '{Get("score")}' is not an integer from 1 to 5", "use the rubric's 1-5 scale"));
                continue;
            }

            var repeat = 0;
            if (Get("repeat") is { } repeatText && !int.TryParse(repeatText, NumberStyles.Integer, CultureInfo.InvariantCulture, out repeat))
            {
                errors.Add(new SpecError(location, $"repeat '{repeatText}' is not a whole number", "repeats count from 0"));
                continue;
            }

            if (runId == defaultRun.Id && !known.Contains((candidate, caseId, repeat)))
            {
                errors.Add(new SpecError(location, $"run {runId} has no result for case '{caseId}', candidate '{candidate}', repeat {repeat}", "label outputs that the run produced ('shipgate report' lists them)"));
                continue;
            }

            // Other runs are checked against their plan: their results are not loaded.
            if (runId != defaultRun.Id && (run.Candidates.All(c => c.Id != candidate) || !run.CaseIds.Contains(caseId, StringComparer.Ordinal) || repeat < 0 || repeat >= run.Repeats))
            {
                errors.Add(new SpecError(location, $"run {runId} did not plan case '{caseId}', candidate '{candidate}', repeat {repeat}", $"its candidates are {Listing(run.Candidates.Select(c => c.Id))} and its repeats 0-{run.Repeats - 1}"));
                continue;
            }

            labels.Add(new HumanLabel
            {
                RunId = runId,
                CandidateId = candidate,
                CaseId = caseId,
                Repeat = repeat,
                Criterion = Get("criterion"),
                Score = score,
                Note = Get("note"),
                Labeler = Get("labeler") ?? defaultLabeler,
                Source = Path.GetFileName(path),
                CreatedAt = now,
            });
        }

        return errors.Count > 0 ? throw new SpecException(errors) : labels;
    }

    /// <summary>Strict UTF-8: a file with invalid bytes (such as an encoded lone surrogate) is rejected at the first of them.</summary>
    private static string? ReadUtf8(string path, List<SpecError> errors)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            var at = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            var column = at - (bytes.AsSpan(0, at).LastIndexOf((byte)'\n') + 1) + 1;
            errors.Add(new SpecError(new SourceLocation(path, line, column), "the file is not valid UTF-8 (invalid bytes or an encoded lone surrogate)", "save it as UTF-8"));
            return null;
        }
    }

    private static string Listing(IEnumerable<string> values)
    {
        var list = values.ToList();
        const int Shown = 10;
        return list.Count <= Shown
            ? string.Join(", ", list)
            : string.Join(", ", list.Take(Shown)) + $" (and {list.Count - Shown} more)";
    }

    private static List<(SourceLocation, Dictionary<string, string>)> ReadCsv(string text, string path, List<SpecError> errors)
    {
        var records = CsvParser.Parse(text, path, errors);
        var rows = new List<(SourceLocation, Dictionary<string, string>)>();
        if (records.Count == 0)
        {
            return rows;
        }

        var header = records[0].Select(c => c.Text.Trim().ToLowerInvariant()).ToList();
        var seen = new Dictionary<string, CsvCell>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!seen.TryAdd(header[i], records[0][i]))
            {
                var first = seen[header[i]].Location;
                errors.Add(new SpecError(records[0][i].Location, $"duplicate column '{header[i]}' (also column {first.Column} of line {first.Line})", "keep one column of each name"));
            }
        }

        if (seen.Count != header.Count)
        {
            return rows;
        }

        foreach (var record in records.Skip(1))
        {
            if (record.Count != header.Count)
            {
                errors.Add(new SpecError(record[0].Location, $"row has {record.Count} cells, the header has {header.Count}", "quote cells that contain commas"));
                continue;
            }

            rows.Add((record[0].Location, header.Zip(record).ToDictionary(p => p.First, p => p.Second.Text, StringComparer.Ordinal)));
        }

        return rows;
    }

    private static List<(SourceLocation, Dictionary<string, string>)> ReadJsonl(string text, string path, List<SpecError> errors)
    {
        var rows = new List<(SourceLocation, Dictionary<string, string>)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineText = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(lineText))
            {
                continue;
            }

            var location = new SourceLocation(path, i + 1, 1);
            if (JsonSurrogates.FindLone(lineText) is { } lone)
            {
                errors.Add(new SpecError(location with { Column = lone.Column }, "a lone surrogate escape (such as \\ud800) is not valid Unicode text", "remove it, or write the character's surrogate pair"));
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(lineText, new JsonDocumentOptions { MaxDepth = 16 });
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new SpecError(location, "expected a JSON object per line", "one label per line: {\"case_id\": ..., \"score\": 4}"));
                    continue;
                }

                Dictionary<string, string>? fields = new(StringComparer.Ordinal);
                foreach (var p in document.RootElement.EnumerateObject())
                {
                    var key = p.Name.ToLowerInvariant();
                    if (!fields.TryAdd(key, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()))
                    {
                        errors.Add(new SpecError(location, $"duplicate key '{p.Name}'", "give each key once per line"));
                        fields = null;
                        break;
                    }
                }

                if (fields is not null)
                {
                    rows.Add((location, fields));
                }
            }
            catch (JsonException ex)
            {
                errors.Add(new SpecError(location with { Column = (int)(ex.BytePositionInLine ?? 0) + 1 }, $"not valid JSON: {ex.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ')}", "one JSON object per line"));
            }
        }

        return rows;
    }
}
