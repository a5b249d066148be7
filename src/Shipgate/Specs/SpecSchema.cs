namespace Shipgate.Specs;

/// <summary>The JSON Schema (draft 2020-12) of shipgate.yaml, embedded from docs/shipgate.schema.json.</summary>
internal static class SpecSchema
{
    public const string ResourceName = "shipgate.schema.json";

    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(SpecSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource '{ResourceName}' is missing from {typeof(SpecSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Text.Value;
}
