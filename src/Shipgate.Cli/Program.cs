using Shipgate.Cli.Infrastructure;
using Spectre.Console;

return await ShipgateApp.RunAsync(args, AnsiConsole.Console, CliEnvironment.Process).ConfigureAwait(false);
