using Shipgate.Cli.Infrastructure;
using Spectre.Console;

// Redirected output (CI logs, files) would otherwise wrap the verdict table at 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console.Profile.Width = Math.Max(AnsiConsole.Console.Profile.Width, 160);
}

return await ShipgateApp.RunAsync(args, AnsiConsole.Console, CliEnvironment.Process).ConfigureAwait(false);
