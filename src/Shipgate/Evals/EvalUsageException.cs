namespace Shipgate.Evals;

/// <summary>The request cannot run as asked (unknown candidate, nothing to resume, bad options). Maps to exit code 2.</summary>
public sealed class EvalUsageException(string message) : Exception(message);
