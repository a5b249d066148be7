using Shipgate.Evals;

namespace Shipgate.Reports;

/// <summary>Renders an <see cref="EvalReport"/> in one format. Renderers are pure: same report, same text.</summary>
public interface IReportWriter
{
    /// <summary>Format name used on the command line, e.g. <c>html</c>.</summary>
    string Format { get; }

    /// <summary>File extension without the dot, e.g. <c>md</c>.</summary>
    string FileExtension { get; }

    string Render(EvalReport report);
}
