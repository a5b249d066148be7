namespace Shipgate.Cli.Infrastructure;

/// <summary>What the CLI reads from its surroundings, injectable so tests need no process-wide state.</summary>
internal sealed record CliEnvironment(Func<string, string?> GetVariable, TimeProvider Time, string WorkingDirectory)
{
    public static CliEnvironment Process { get; } =
        new(Environment.GetEnvironmentVariable, TimeProvider.System, Directory.GetCurrentDirectory());

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
