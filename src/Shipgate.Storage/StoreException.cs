namespace Shipgate.Storage;

/// <summary>
/// The store cannot be used: the file is not a Shipgate database, was written by a newer Shipgate, or cannot be
/// opened or written. The message names the file and says what to do; faces print it as is.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException(string databasePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        DatabasePath = databasePath;
    }

    /// <summary>Full path of the database file the problem is about.</summary>
    public string DatabasePath { get; }
}
