using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Shipgate.Cost;

/// <summary>
/// Shipgate's own catalog format (the bundled file and what <c>shipgate prices import</c> writes):
/// <c>{ "date": "2026-11-29", "imported_on": "2026-11-30", "source": "...", "models": [ { "model", "provider", "input", "output", "cached_input",
/// "cache_write", "reasoning_output", "max_input_tokens", "max_output_tokens", "vision", "mode" } ] }</c>, prices in USD per token.
/// </summary>
internal static class PriceCatalogJson
{
    public static bool LooksLikeCatalog(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("models", out var m) && m.ValueKind == JsonValueKind.Array;

    public static PriceCatalog Read(JsonElement root, string file)
    {
        var dateText = JsonNumbers.String(root, "date");
        if (dateText is null || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new PriceCatalogException($"{file}: 'date' must be the day the prices were taken, as yyyy-MM-dd (got {dateText ?? "nothing"})");
        }

        var models = new List<ModelPrice>();
        var index = 0;
        foreach (var item in root.GetProperty("models").EnumerateArray())
        {
            index++;
            var name = item.ValueKind == JsonValueKind.Object ? JsonNumbers.String(item, "model") : null;
            var where = $"{file}: models[{index.ToString(CultureInfo.InvariantCulture)}]" + (name is null ? "" : $" '{name}'");
            if (name is null)
            {
                throw new PriceCatalogException($"{where}: needs a 'model' name");
            }

            models.Add(new ModelPrice
            {
                Model = name,
                Provider = JsonNumbers.String(item, "provider"),
                InputPerToken = JsonNumbers.Decimal(item, "input", where) ?? throw new PriceCatalogException($"{where}: needs an 'input' price (USD per token)"),
                OutputPerToken = JsonNumbers.Decimal(item, "output", where) ?? throw new PriceCatalogException($"{where}: needs an 'output' price (USD per token)"),
                CachedInputPerToken = JsonNumbers.Decimal(item, "cached_input", where),
                CacheWritePerToken = JsonNumbers.Decimal(item, "cache_write", where),
                ReasoningOutputPerToken = JsonNumbers.Decimal(item, "reasoning_output", where),
                MaxInputTokens = JsonNumbers.Long(item, "max_input_tokens"),
                MaxOutputTokens = JsonNumbers.Long(item, "max_output_tokens"),
                SupportsVision = JsonNumbers.Bool(item, "vision"),
                SupportsAudio = JsonNumbers.Bool(item, "audio"),
                Mode = JsonNumbers.String(item, "mode"),
            });
        }

        var importedText = JsonNumbers.String(root, "imported_on");
        DateOnly? importedOn = null;
        if (importedText is not null)
        {
            importedOn = DateOnly.TryParseExact(importedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var i)
                ? i
                : throw new PriceCatalogException($"{file}: 'imported_on' must be yyyy-MM-dd (got {importedText})");
        }

        return new PriceCatalog { Date = date, ImportedOn = importedOn, Source = JsonNumbers.String(root, "source") ?? file, Models = models };
    }

    public static string Write(PriceCatalog catalog)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("date", catalog.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (catalog.ImportedOn is { } imported)
            {
                w.WriteString("imported_on", imported.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            w.WriteString("source", catalog.Source);
            w.WriteStartArray("models");
            foreach (var m in catalog.Models)
            {
                w.WriteStartObject();
                w.WriteString("model", m.Model);
                if (m.Provider is not null)
                {
                    w.WriteString("provider", m.Provider);
                }

                w.WriteNumber("input", m.InputPerToken);
                w.WriteNumber("output", m.OutputPerToken);
                Optional(w, "cached_input", m.CachedInputPerToken);
                Optional(w, "cache_write", m.CacheWritePerToken);
                Optional(w, "reasoning_output", m.ReasoningOutputPerToken);
                if (m.MaxInputTokens is { } mi)
                {
                    w.WriteNumber("max_input_tokens", mi);
                }

                if (m.MaxOutputTokens is { } mo)
                {
                    w.WriteNumber("max_output_tokens", mo);
                }

                if (m.SupportsVision is { } v)
                {
                    w.WriteBoolean("vision", v);
                }

                if (m.SupportsAudio is { } a)
                {
                    w.WriteBoolean("audio", a);
                }

                if (m.Mode is not null)
                {
                    w.WriteString("mode", m.Mode);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Optional(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } d)
        {
            w.WriteNumber(name, d);
        }
    }
}
