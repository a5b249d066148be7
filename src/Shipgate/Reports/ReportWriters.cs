using System.Text;
using Shipgate.Evals;

namespace Shipgate.Reports;

/// <summary>The report formats: <c>markdown</c> (md), <c>json</c>, <c>junit</c> (xml), <c>html</c>.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new MarkdownReportWriter(),
        new JsonReportWriter(),
        new JUnitReportWriter(),
        new HtmlReportWriter(),
    ];

    /// <summary>Format names, for help text and error messages.</summary>
    public static IReadOnlyList<string> Formats { get; } = All.Select(w => w.Format).ToList();

    /// <summary>The writer for a format name or its file extension (<c>md</c>, <c>xml</c>), case-insensitive.</summary>
    public static bool TryGet(string format, out IReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(format);
        var name = format.Trim().TrimStart('.');
        writer = All.FirstOrDefault(w => string.Equals(w.Format, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(w.FileExtension, name, StringComparison.OrdinalIgnoreCase))!;
        return writer is not null;
    }

    /// <exception cref="ArgumentException">Unknown format; the message lists the known ones.</exception>
    public static IReportWriter Get(string format) => TryGet(format, out var writer)
        ? writer
        : throw new ArgumentException($"unknown report format '{format}' (use one of: {string.Join(", ", Formats)})", nameof(format));

    /// <summary>Renders to <paramref name="path"/> (UTF-8, no BOM), creating its folder.</summary>
    public static async Task WriteFileAsync(this IReportWriter writer, EvalReport report, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = writer.Render(report);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }
}
