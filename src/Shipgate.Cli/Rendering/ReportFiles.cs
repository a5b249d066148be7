using Shipgate.Evals;
using Shipgate.Reports;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>Writes the chosen report formats into one folder and says where they are.</summary>
internal static class ReportFiles
{
    public static void Write(IAnsiConsole console, EvalReport report, string folder, IReadOnlyList<string> formats)
    {
        if (formats.Count == 0)
        {
            return;
        }

        foreach (var format in formats.Distinct())
        {
            var writer = ReportWriters.Get(format == "md" ? "markdown" : format);
            var path = Path.Combine(folder, "report." + writer.FileExtension);
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(path, writer.Render(report));
                console.MarkupLineInterpolated($"[grey]{writer.Format,-8}[/] {path}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The verdict stands and the run is stored ('shipgate report' can write it again): a report file is not worth the exit code.
                console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {path}: {ex.Message}");
            }
        }
    }
}
