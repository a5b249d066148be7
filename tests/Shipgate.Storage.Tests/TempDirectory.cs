namespace Shipgate.Storage.Tests;

/// <summary>A fresh folder under the system temp folder, deleted when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shipgate-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The conventional store location inside a feature folder.</summary>
    public string DatabasePath => System.IO.Path.Combine(Path, "feature", ".shipgate", "shipgate.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a store a test failed to dispose may still hold the file; the temp folder is cleaned by the OS
        }
    }
}
