using System.Text.Json;

namespace Shipgate.Cost;

/// <summary>
/// Reads LiteLLM's <c>model_prices_and_context_window.json</c> (a map of model name → prices per token) into a catalog.
/// <c>sample_spec</c> is LiteLLM's documentation entry and is skipped; entries without per-token input and output
/// prices (images, audio, per-second billing) are skipped; only chat and completion modes are kept unless <c>all</c>.
/// </summary>
public static class LiteLlmImporter
{
    private static readonly string[] TextModes = ["chat", "completion", "responses"];

    /// <param name="date">The day the prices were true on ("prices as of").</param>
    /// <param name="importedOn">The day of the import (null: not recorded).</param>
    public static LiteLlmImport Import(string json, string file, DateOnly date, bool all = false, DateOnly? importedOn = null)
    {
        using var doc = JsonNumbers.Parse(json, file);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PriceCatalogException($"{file}: expected LiteLLM's price map (a JSON object of model name → prices), got a {root.ValueKind.ToString().ToLowerInvariant()}");
        }

        var models = new List<ModelPrice>();
        int entries = 0, skippedMode = 0, skippedPrice = 0;
        foreach (var entry in root.EnumerateObject())
        {
            if (entry.Name == "sample_spec")
            {
                continue;
            }

            entries++;
            var value = entry.Value;
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new PriceCatalogException($"{file}: entry '{entry.Name}' must be an object of prices, got {value.ValueKind.ToString().ToLowerInvariant()}");
            }

            var mode = JsonNumbers.String(value, "mode");
            if (!all && (mode is null || !TextModes.Contains(mode)))
            {
                skippedMode++;
                continue;
            }

            var where = $"{file}: '{entry.Name}'";
            var input = JsonNumbers.Decimal(value, "input_cost_per_token", where);
            var output = JsonNumbers.Decimal(value, "output_cost_per_token", where);
            if (input is null || output is null)
            {
                skippedPrice++;
                continue;
            }

            models.Add(new ModelPrice
            {
                Model = entry.Name,
                Provider = JsonNumbers.String(value, "litellm_provider"),
                InputPerToken = input.Value,
                OutputPerToken = output.Value,
                CachedInputPerToken = JsonNumbers.Decimal(value, "cache_read_input_token_cost", where),
                CacheWritePerToken = JsonNumbers.Decimal(value, "cache_creation_input_token_cost", where),
                ReasoningOutputPerToken = JsonNumbers.Decimal(value, "output_cost_per_reasoning_token", where),
                MaxInputTokens = JsonNumbers.Long(value, "max_input_tokens"),
                MaxOutputTokens = JsonNumbers.Long(value, "max_output_tokens"),
                SupportsVision = JsonNumbers.Bool(value, "supports_vision"),
                SupportsAudio = JsonNumbers.Bool(value, "supports_audio_input"),
                Mode = mode,
            });
        }

        if (entries == 0)
        {
            throw new PriceCatalogException($"{file}: no models in the file; is it LiteLLM's model_prices_and_context_window.json?");
        }

        return new LiteLlmImport
        {
            Catalog = new PriceCatalog { Date = date, ImportedOn = importedOn, Source = $"LiteLLM price map {Path.GetFileName(file)}", Models = models },
            Entries = entries,
            SkippedMode = skippedMode,
            SkippedNoTokenPrice = skippedPrice,
            WithCachedInput = models.Count(m => m.CachedInputPerToken is not null),
            WithCacheWrite = models.Count(m => m.CacheWritePerToken is not null),
            WithReasoningOutput = models.Count(m => m.ReasoningOutputPerToken is not null),
        };
    }
}
