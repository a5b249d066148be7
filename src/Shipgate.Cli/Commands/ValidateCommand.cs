using Shipgate.Cli.Infrastructure;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate validate</c>: loads the spec and every file it names; runs nothing.</summary>
internal sealed class ValidateCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<FeatureSettings>(console, engine)
{
    protected override Task<int> RunAsync(FeatureSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        var tags = spec.Cases.SelectMany(c => c.Tags).GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
        Console.MarkupLineInterpolated($"[green]✓[/] {spec.SpecFile} is valid");
        Console.MarkupLineInterpolated($"  feature    {spec.Name}");
        Console.MarkupLineInterpolated($"  candidates {spec.Candidates.Count}: {string.Join(", ", spec.Candidates.Select(c => $"{c.Id} ({c.Provider})"))}");
        Console.MarkupLineInterpolated($"  cases      {spec.Cases.Count} ({string.Join(", ", tags)})");
        Console.MarkupLineInterpolated($"  knowledge  {spec.KnowledgeFiles.Count} files");
        return Task.FromResult(ExitCodes.Ship);
    }
}
