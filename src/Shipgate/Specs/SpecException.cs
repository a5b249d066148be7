namespace Shipgate.Specs;

/// <summary>Thrown when a spec cannot be loaded; carries every problem found, not just the first.</summary>
public sealed class SpecException : Exception
{
    public SpecException(IReadOnlyList<SpecError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public SpecException(SpecError error) : this([error]) { }

    public IReadOnlyList<SpecError> Errors { get; }
}
