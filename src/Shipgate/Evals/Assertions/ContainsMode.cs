namespace Shipgate.Evals.Assertions;

/// <summary>How many of the listed values a <c>contains</c> assertion needs.</summary>
internal enum ContainsMode
{
    /// <summary><c>contains</c>: the single <c>value</c>.</summary>
    One,

    /// <summary><c>contains-any</c>: at least one of <c>values</c>.</summary>
    Any,

    /// <summary><c>contains-all</c>: every one of <c>values</c>; the score is the share found.</summary>
    All,
}
