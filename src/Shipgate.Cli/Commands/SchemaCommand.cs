using Shipgate.Cli.Infrastructure;
using Shipgate.Specs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate schema</c>: prints the JSON Schema of shipgate.yaml for editors (yaml-language-server).</summary>
internal sealed class SchemaCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<EmptyCommandSettings>(console, engine)
{
    protected override Task<int> RunAsync(EmptyCommandSettings settings, CancellationToken cancellationToken)
    {
        Console.Profile.Out.Writer.WriteLine(SpecSchema.Json);
        return Task.FromResult(ExitCodes.Ship);
    }
}
