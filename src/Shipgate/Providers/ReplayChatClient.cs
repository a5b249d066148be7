using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Shipgate.Providers;

/// <summary>
/// <c>replay:&lt;file.jsonl&gt;</c>: answers from recorded lines
/// <c>{"case_id", "output", "repeat"?, "latency_ms"?, "usage"?}</c>, keyed by case id and repeat (default 0).
/// A repeat with no line of its own reuses the case's repeat-0 line (or its lowest repeat), so a file recorded
/// with one repeat can back a run with several; a case with no line at all is an error. The file is read once,
/// on first use; a malformed line fails every call with the file and line number.
/// </summary>
internal sealed class ReplayChatClient(string providerId, string path, TimeProvider time) : TextChatClient(providerId)
{
    private readonly Lazy<Dictionary<string, SortedList<int, ReplayLine>>> _lines = new(() => Load(providerId, path), LazyThreadSafetyMode.ExecutionAndPublication);

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var caseId = CaseId(options) ?? throw new ProviderException(ProviderId, ProviderErrorKind.Other,
            $"{ProviderId}: replay needs the case id (ChatOptions.AdditionalProperties[\"{ProviderRequestKeys.CaseId}\"]); replay only works inside an eval run");
        var repeat = Repeat(options);
        if (!_lines.Value.TryGetValue(caseId, out var byRepeat))
        {
            throw new ProviderException(ProviderId, ProviderErrorKind.Other,
                $"{ProviderId}: replay file {path} has no line for case '{caseId}' (record it, or remove the case from this candidate's run)");
        }

        var line = byRepeat.TryGetValue(repeat, out var exact) ? exact : byRepeat.Values[0];
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, line.Output))
        {
            ModelId = ProviderId,
            Usage = line.Usage,
            FinishReason = ChatFinishReason.Stop,
            CreatedAt = time.GetUtcNow(),
        };
        if (line.LatencyMs is { } latency)
        {
            response.AdditionalProperties = new AdditionalPropertiesDictionary { [ProviderRequestKeys.LatencyMs] = latency };
        }

        return Task.FromResult(response);
    }

    private static Dictionary<string, SortedList<int, ReplayLine>> Load(string providerId, string path)
    {
        if (!File.Exists(path))
        {
            throw new ProviderException(providerId, ProviderErrorKind.Other, $"{providerId}: replay file {path} does not exist (check the path after replay:, relative to the feature folder)");
        }

        var (lines, problems) = Read(path, maxProblems: 1);
        if (problems.Count > 0)
        {
            throw LineError(providerId, path, problems[0].Line, problems[0].Message);
        }

        return lines;
    }

    /// <summary>
    /// Every problem of a replay file (line number and message, at most <paramref name="maxProblems"/>), so
    /// <c>shipgate validate</c> reports them before a run; an empty list means the file replays.
    /// </summary>
    internal static IReadOnlyList<(int Line, string Message)> Check(string path, int maxProblems = 10) => Read(path, maxProblems).Problems;

    private static (Dictionary<string, SortedList<int, ReplayLine>> Lines, List<(int Line, string Message)> Problems) Read(string path, int maxProblems)
    {
        var result = new Dictionary<string, SortedList<int, ReplayLine>>(StringComparer.Ordinal);
        var problems = new List<(int Line, string Message)>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var (line, problem) = ParseLine(number, raw);
            if (line is null)
            {
                problems.Add((number, problem!));
            }
            else if (!result.TryGetValue(line.CaseId, out var byRepeat))
            {
                result[line.CaseId] = new SortedList<int, ReplayLine> { [line.Repeat] = line };
            }
            else if (byRepeat.TryGetValue(line.Repeat, out var first))
            {
                problems.Add((number, $"duplicate line for case '{line.CaseId}' repeat {line.Repeat} (first at line {first.LineNumber}); keep one"));
            }
            else
            {
                byRepeat.Add(line.Repeat, line);
            }

            if (problems.Count >= maxProblems)
            {
                break;
            }
        }

        return (result, problems);
    }

    private static (ReplayLine? Line, string? Problem) ParseLine(int number, string raw)
    {
        try
        {
            return ParseJsonLine(number, raw);
        }
        catch (InvalidOperationException)
        {
            // GetString on an escaped lone surrogate such as "\ud800".
            return (null, "a string is not valid Unicode (a lone surrogate escape such as \\ud800?)");
        }
    }

    private static (ReplayLine? Line, string? Problem) ParseJsonLine(int number, string raw)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(raw);
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON ({ex.Message})");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "expected a JSON object like {\"case_id\": \"...\", \"output\": \"...\"}");
            }

            if (!root.TryGetProperty("case_id", out var caseId) || caseId.ValueKind != JsonValueKind.String || caseId.GetString()!.Length == 0)
            {
                return (null, "\"case_id\" (a non-empty string) is missing");
            }

            if (!root.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.String)
            {
                return (null, "\"output\" (a string) is missing");
            }

            var repeat = 0;
            if (root.TryGetProperty("repeat", out var r) && r.ValueKind != JsonValueKind.Null && (!r.TryGetInt32(out repeat) || repeat < 0))
            {
                return (null, "\"repeat\" must be a whole number >= 0");
            }

            double? latency = null;
            if (root.TryGetProperty("latency_ms", out var l) && l.ValueKind != JsonValueKind.Null)
            {
                if (l.ValueKind != JsonValueKind.Number || l.GetDouble() < 0)
                {
                    return (null, "\"latency_ms\" must be a number >= 0");
                }

                latency = l.GetDouble();
            }

            var usage = root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object ? UsageJson.Read(u) : null;
            return (new ReplayLine(caseId.GetString()!, repeat, output.GetString()!, latency, usage, number), null);
        }
    }

    private static ProviderException LineError(string providerId, string path, int number, string message) =>
        new(providerId, ProviderErrorKind.Other, string.Create(CultureInfo.InvariantCulture, $"{path}:{number}: {message}"));
}
