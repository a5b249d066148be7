using System.Globalization;
using System.Runtime.InteropServices;
using Shipgate.Testing;

// Runs the stub model server standalone (used by benchmarks):
//   dotnet Shipgate.Testing.dll [--port N] [--latency-ms N] [--no-log] [--ignore-stdin] [--reject-field NAME]...
// --reject-field answers 400 to requests carrying that field (e.g. max_completion_tokens, as older servers do).
// Prints "listening http://127.0.0.1:PORT/v1" first, then serves until SIGTERM/Ctrl+C or stdin closes
// (--ignore-stdin keeps it running when started with stdin at /dev/null).
var options = new StubServerOptions();
var watchStdin = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length:
            options.Port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--latency-ms" when i + 1 < args.Length:
            options.Latency = TimeSpan.FromMilliseconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        case "--no-log":
            options.LogRequests = false;
            break;
        case "--ignore-stdin":
            watchStdin = false;
            break;
        case "--reject-field" when i + 1 < args.Length:
            options.RejectedFields = [.. options.RejectedFields, args[++i]];
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'. Usage: Shipgate.Testing [--port N] [--latency-ms N] [--no-log] [--ignore-stdin] [--reject-field NAME]");
            return 2;
    }
}

await using var server = await StubModelServer.StartAsync(options);
Console.Out.WriteLine("listening " + server.BaseUrl);
Console.Out.Flush();

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
if (watchStdin)
{
    _ = Task.Run(async () =>
    {
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        stop.TrySetResult();
    });
}

await stop.Task;
return 0;
