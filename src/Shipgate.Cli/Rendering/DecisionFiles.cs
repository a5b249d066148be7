using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>
/// Writes a decision report (select, cost, risk, launch) in the chosen formats into one folder and prints the paths.
/// Renderers are called only for the formats asked for.
/// </summary>
internal static class DecisionFiles
{
    public static void Write(IAnsiConsole console, string folder, string baseName, IReadOnlyList<string> formats, Func<string> markdown, Func<string> html, Func<string> json)
    {
        foreach (var format in formats.Select(f => f == "markdown" ? "md" : f).Distinct())
        {
            var (render, label) = format switch
            {
                "md" => (markdown, "markdown"),
                "html" => (html, "html"),
                _ => (json, "json"),
            };
            var path = Path.Combine(folder, $"{baseName}.{format}");
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(path, render());
                console.MarkupLineInterpolated($"[grey]{label,-8}[/] {path}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The decision is already on screen and the run is stored: a report file is not worth the exit code.
                console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {path}: {ex.Message}");
            }
        }
    }
}
