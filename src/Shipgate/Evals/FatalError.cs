namespace Shipgate.Evals;

/// <summary>The first run-stopping error (e.g. an auth failure); later ones are the same story and are dropped.</summary>
internal sealed class FatalError
{
    private string? _message;

    public string? Message => Volatile.Read(ref _message);

    public void Set(string message) => Interlocked.CompareExchange(ref _message, message, null);
}
