namespace Shipgate.Storage.Sqlite;

/// <summary>
/// A write waiting for the writer loop. Its task completes only after the transaction containing it has committed,
/// or fails with the reason this one write was rejected (the rest of its batch still commits).
/// </summary>
internal sealed class SqliteWrite
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqliteWrite(Action apply)
    {
        Apply = apply;
    }

    /// <summary>Runs the statement(s) on the writer's connection; throws to reject this write only.</summary>
    public Action Apply { get; }

    public Task Completion => _completion.Task;

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
