namespace Shipgate.Cli.Tests.Fuzz;

/// <summary>One malformed feature folder: a name saying what was broken, and every file (relative path → bytes).</summary>
internal sealed record FuzzInput(string Name, IReadOnlyDictionary<string, byte[]> Files);
