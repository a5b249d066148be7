namespace Shipgate.Testing;

/// <summary>One message of a request the stub received, flattened to text.</summary>
public sealed record StubMessage(string Role, string Content);
