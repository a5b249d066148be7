using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Shipgate.Providers;

/// <summary>
/// <c>exec:&lt;command line&gt;</c>: runs the command once per call in the feature folder, writes the request JSON
/// (<c>model, messages, temperature, max_tokens, vars, case_id, repeat</c>) to stdin and reads the answer from stdout:
/// either <c>{"output": "...", "usage": {"input_tokens": n, "output_tokens": n, "cached_input_tokens": n}}</c> or
/// plain text (usage then unknown). A non-zero exit is a <see cref="ProviderErrorKind.Other"/> error carrying the
/// end of stderr; cancellation kills the whole process tree.
/// </summary>
internal sealed class ExecChatClient : TextChatClient
{
    private const int StderrTailLines = 5;

    private readonly string _fileName;
    private readonly IReadOnlyList<string> _arguments;
    private readonly string _workingDirectory;
    private readonly string _commandLine;
    private readonly TimeProvider _time;

    public ExecChatClient(string providerId, string commandLine, string workingDirectory, TimeProvider time) : base(providerId)
    {
        var parts = CommandLineSplitter.Split(commandLine);
        if (parts.Count == 0)
        {
            throw new FormatException("the command is empty (write exec:<command line>, e.g. exec:python3 answer.py)");
        }

        // A relative program path is relative to the feature folder, like every other path in the spec.
        var program = parts[0];
        _fileName = program.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(program)
            ? Path.GetFullPath(Path.Combine(workingDirectory, program))
            : program;
        _arguments = parts.Skip(1).ToArray();
        _workingDirectory = workingDirectory;
        _commandLine = commandLine;
        _time = time;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = BuildRequest(messages, options);
        var psi = new ProcessStartInfo(_fileName)
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in _arguments)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            throw new ProviderException(ProviderId, ProviderErrorKind.Other,
                $"{ProviderId}: could not start '{_fileName}' in {_workingDirectory}: {ex.Message} (check the command and that it is executable)", inner: ex);
        }

        try
        {
            var stdoutTask = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderrTask = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.StandardInput.WriteAsync(request.AsMemory(), cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The command exited or closed stdin without reading the request; its exit code tells the story.
            }

            var stdout = await stdoutTask.ConfigureAwait(false);
            var stderr = await stderrTask.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);

            if (process.ExitCode != 0)
            {
                var tail = string.Join(Environment.NewLine, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(StderrTailLines));
                var message = $"{ProviderId}: `{_commandLine}` exited with code {process.ExitCode}";
                throw new ProviderException(ProviderId, ProviderErrorKind.Other, tail.Length > 0 ? message + ": " + tail : message + " (no stderr)");
            }

            return ParseOutput(stdout, options);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string BuildRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("model", options?.ModelId ?? ProviderId);
            w.WriteStartArray("messages");
            foreach (var m in messages)
            {
                w.WriteStartObject();
                w.WriteString("role", m.Role.Value);
                w.WriteString("content", m.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (options?.Temperature is { } t)
            {
                w.WriteNumber("temperature", t);
            }
            else
            {
                w.WriteNull("temperature");
            }

            if (options?.MaxOutputTokens is { } max)
            {
                w.WriteNumber("max_tokens", max);
            }
            else
            {
                w.WriteNull("max_tokens");
            }

            w.WriteStartObject("vars");
            foreach (var (key, value) in Vars(options))
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            if (CaseId(options) is { } caseId)
            {
                w.WriteString("case_id", caseId);
            }
            else
            {
                w.WriteNull("case_id");
            }

            w.WriteNumber("repeat", Repeat(options));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }

    private ChatResponse ParseOutput(string stdout, ChatOptions? options)
    {
        var text = stdout.TrimEnd('\r', '\n');
        UsageDetails? usage = null;
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(trimmed);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("output", out var output))
                {
                    text = output.ValueKind == JsonValueKind.String ? output.GetString()! : output.GetRawText();
                    if (doc.RootElement.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object)
                    {
                        usage = UsageJson.Read(u);
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the whole of stdout is the answer.
            }
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = options?.ModelId ?? ProviderId,
            Usage = usage,
            FinishReason = ChatFinishReason.Stop,
            CreatedAt = _time.GetUtcNow(),
        };
    }
}
