using Shipgate.Evals;
using Shipgate.Reports;
using Spectre.Console;

namespace Shipgate.Cli.Rendering;

/// <summary>Writes the chosen report formats into one folder and says where they are (unless quiet).</summary>
internal static class ReportFiles
{
    /// <returns>False when a file could not be written (each failure is shown as a warning; failures are shown even when quiet).</returns>
    public static bool Write(IAnsiConsole console, EvalReport report, string folder, IReadOnlyList<string> formats, bool quiet = false)
    {
        var written = true;
        if (formats.Count == 0)
        {
            return written;
        }

        foreach (var format in formats.Distinct())
        {
            var writer = ReportWriters.Get(format == "md" ? "markdown" : format);
            var path = Path.Combine(folder, "report." + writer.FileExtension);
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(path, writer.Render(report));
                if (!quiet)
                {
                    console.MarkupLineInterpolated($"[grey]{writer.Format,-8}[/] {path}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Callers decide what a lost file costs: eval keeps its verdict's exit code, report (whose job is the files) fails.
                console.MarkupLineInterpolated($"[yellow]warning:[/] could not write {path}: {ex.Message}");
                written = false;
            }
        }

        return written;
    }
}
