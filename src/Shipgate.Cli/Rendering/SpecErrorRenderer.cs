using Shipgate.Specs;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>Prints spec problems compiler-style (<c>file:line:col: message</c>), so editors and CI logs can jump to them.</summary>
internal static class SpecErrorRenderer
{
    public static void Render(IAnsiConsole console, IReadOnlyList<SpecError> errors)
    {
        foreach (var error in errors)
        {
            console.MarkupInterpolated($"[bold]{error.Location}[/]: [red]error:[/] {error.Message}");
            if (error.Hint is not null)
            {
                console.MarkupInterpolated($" [grey]({error.Hint})[/]");
            }

            console.WriteLine();
        }

        console.MarkupLineInterpolated($"[red]{errors.Count} problem{(errors.Count == 1 ? "" : "s")} in the spec; nothing was run.[/]");
    }
}
