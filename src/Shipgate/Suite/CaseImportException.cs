using Shipgate.Specs;

namespace Shipgate.Suite;

/// <summary>Cases could not be added; nothing was written (or the write was rolled back). Lists every problem.</summary>
public sealed class CaseImportException : Exception
{
    public CaseImportException(string summary, IReadOnlyList<SpecError> errors)
        : base(summary + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Summary = summary;
        Errors = errors;
    }

    /// <summary>One line saying what happened, e.g. "nothing was added".</summary>
    public string Summary { get; }

    public IReadOnlyList<SpecError> Errors { get; }
}
