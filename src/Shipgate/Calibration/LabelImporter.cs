using System.Globalization;
using System.Text.Json;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Calibration;

/// <summary>
/// Reads human labels from CSV or JSONL (columns/keys: case_id, score, and optionally run_id, candidate_id, repeat,
/// criterion, note, labeler). All-or-nothing: every problem is reported with its line, and nothing is stored unless all are valid.
/// </summary>
public static class LabelImporter
{
    public static IReadOnlyList<HumanLabel> Read(string path, RunRecord defaultRun, IReadOnlyList<ResultRecord> resultsOfDefaultRun, string defaultLabeler, DateTimeOffset now)
    {
        if (!File.Exists(path))
        {
            throw new SpecException(new SpecError(SourceLocation.FileOnly(path), "label file not found", "give the path of a .csv or .jsonl file"));
        }

        var errors = new List<SpecError>();
        var rows = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(path, errors) : ReadJsonl(path, errors);
        var known = resultsOfDefaultRun.Select(r => (r.CandidateId, r.CaseId, r.Repeat)).ToHashSet();
        var labels = new List<HumanLabel>();
        foreach (var (location, fields) in rows)
        {
            string? Get(string key) => fields.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var caseId = Get("case_id");
            var runId = Get("run_id") ?? defaultRun.Id;
            var candidate = Get("candidate_id") ?? (defaultRun.Candidates.Count == 1 ? defaultRun.Candidates[0].Id : null);
            if (caseId is null)
            {
                errors.Add(new SpecError(location, "missing case_id", "every label names the case it scores"));
                continue;
            }

            if (candidate is null)
            {
                errors.Add(new SpecError(location, $"missing candidate_id: run {runId} has several candidates", $"add candidate_id ({string.Join(", ", defaultRun.Candidates.Select(c => c.Id))})"));
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

    private static List<(SourceLocation, Dictionary<string, string>)> ReadCsv(string path, List<SpecError> errors)
    {
        var records = CsvParser.Parse(File.ReadAllText(path), path, errors);
        var rows = new List<(SourceLocation, Dictionary<string, string>)>();
        if (records.Count == 0)
        {
            return rows;
        }

        var header = records[0].Select(c => c.Text.Trim().ToLowerInvariant()).ToList();
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

    private static List<(SourceLocation, Dictionary<string, string>)> ReadJsonl(string path, List<SpecError> errors)
    {
        var rows = new List<(SourceLocation, Dictionary<string, string>)>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var location = new SourceLocation(path, i + 1, 1);
            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new SpecError(location, "expected a JSON object per line", "one label per line: {\"case_id\": ..., \"score\": 4}"));
                    continue;
                }

                rows.Add((location, document.RootElement.EnumerateObject().ToDictionary(
                    p => p.Name.ToLowerInvariant(),
                    p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(),
                    StringComparer.Ordinal)));
            }
            catch (JsonException ex)
            {
                errors.Add(new SpecError(location, $"not valid JSON: {ex.Message}", "one JSON object per line"));
            }
        }

        return rows;
    }
}
