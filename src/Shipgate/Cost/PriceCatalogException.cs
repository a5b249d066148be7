namespace Shipgate.Cost;

/// <summary>A price catalog or LiteLLM file that cannot be read; the message names the file, where, and what to do.</summary>
public sealed class PriceCatalogException(string message) : Exception(message);
