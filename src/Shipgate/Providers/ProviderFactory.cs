using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Shipgate.Embeddings;
using Shipgate.Specs;

namespace Shipgate.Providers;

/// <summary>
/// Builds the chat client for a candidate's provider id: <c>openai:</c>, <c>anthropic:</c>, <c>exec:</c>,
/// <c>replay:</c> and <c>local:extractive</c> (see docs/spec.md, "Providers"). Configuration problems (unknown
/// scheme, missing key or variable) throw <see cref="ProviderException"/> with <see cref="ProviderErrorKind.Other"/>
/// from <see cref="Create"/>, naming the candidate and what to set. Calls never retry on their own.
/// </summary>
public sealed class ProviderFactory : IProviderFactory, IDisposable
{
    private readonly Func<string, string?> _env;
    private readonly TimeProvider _time;
    private readonly Lazy<HttpClient> _http;
    private readonly bool _ownsHandler;
    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _embeddings;
    private readonly ConcurrentDictionary<string, Lazy<Task<KnowledgeIndex>>> _knowledge = new(StringComparer.Ordinal);

    /// <param name="environment">Reads environment variables (keys, <c>${VAR}</c> in base_url). Default: the process environment.</param>
    /// <param name="httpHandler">HTTP handler for the SDK providers (tests); default a pooled <see cref="SocketsHttpHandler"/>, owned by the factory.</param>
    /// <param name="timeProvider">Clock for Retry-After dates and response timestamps. Default: system.</param>
    /// <param name="embeddings">Embedding generator for <c>local:</c> providers, created on first use and disposed with the factory. Default: <see cref="MiniLmEmbeddingGenerator"/>.</param>
    public ProviderFactory(
        Func<string, string?>? environment = null,
        HttpMessageHandler? httpHandler = null,
        TimeProvider? timeProvider = null,
        Func<IEmbeddingGenerator<string, Embedding<float>>>? embeddings = null)
    {
        _env = environment ?? Environment.GetEnvironmentVariable;
        _time = timeProvider ?? TimeProvider.System;
        _ownsHandler = httpHandler is null;
        _http = new Lazy<HttpClient>(() => new HttpClient(
            new ResponseHeaderCapture(httpHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            disposeHandler: _ownsHandler)
        {
            // The SDKs enforce the per-attempt timeout themselves (run.timeout_seconds).
            Timeout = Timeout.InfiniteTimeSpan,
        });
        _embeddings = new Lazy<IEmbeddingGenerator<string, Embedding<float>>>(embeddings ?? (() => new MiniLmEmbeddingGenerator()));
    }

    /// <summary>The embedding generator the local providers use (created on first access); share it rather than load the model twice.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embeddings => _embeddings.Value;

    public IChatClient Create(CandidateSpec candidate, FeatureSpec feature)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(feature);
        return candidate.Scheme switch
        {
            "openai" => OpenAiProvider.Create(candidate, feature, _env, _http.Value, _time),
            "anthropic" => AnthropicProvider.Create(candidate, feature, _env, _http.Value, _time),
            "exec" => CreateExec(candidate, feature),
            "replay" => CreateReplay(candidate, feature),
            "local" => CreateLocal(candidate, feature),
            _ => throw CandidateEnvironment.Error(candidate,
                $"unknown provider scheme '{candidate.Scheme}' (use openai:<model>, anthropic:<model>, exec:<command>, replay:<file.jsonl> or local:extractive)"),
        };
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }

        if (_embeddings.IsValueCreated)
        {
            _embeddings.Value.Dispose();
        }
    }

    private ExecChatClient CreateExec(CandidateSpec candidate, FeatureSpec feature)
    {
        try
        {
            return new ExecChatClient(candidate.Provider, candidate.Target, feature.RootDirectory, _time);
        }
        catch (FormatException ex)
        {
            throw CandidateEnvironment.Error(candidate, ex.Message);
        }
    }

    private ReplayChatClient CreateReplay(CandidateSpec candidate, FeatureSpec feature)
    {
        var file = candidate.Target.Trim();
        if (file.Length == 0)
        {
            throw CandidateEnvironment.Error(candidate, "the file is missing (write replay:<file.jsonl>, relative to the feature folder)");
        }

        return new ReplayChatClient(candidate.Provider, Path.GetFullPath(Path.Combine(feature.RootDirectory, file)), _time);
    }

    private ExtractiveChatClient CreateLocal(CandidateSpec candidate, FeatureSpec feature)
    {
        if (candidate.Target != "extractive")
        {
            throw CandidateEnvironment.Error(candidate, $"unknown local provider '{candidate.Target}' (the only one is local:extractive)");
        }

        if (feature.KnowledgeFiles.Count == 0)
        {
            throw CandidateEnvironment.Error(candidate, "local:extractive answers from the feature's knowledge files, and there are none (add knowledge: [docs/*.md] to shipgate.yaml)");
        }

        var extractive = ExtractiveOptions.Parse(candidate.Options, m => CandidateEnvironment.Error(candidate, m));
        var files = feature.KnowledgeFiles.ToArray();
        var key = string.Join('\n', files);
        return new ExtractiveChatClient(
            candidate.Provider,
            // Built once per set of files, without the caller's token so one cancelled call cannot poison the cache.
            _ => _knowledge.GetOrAdd(key, _ => new Lazy<Task<KnowledgeIndex>>(() => KnowledgeIndex.BuildAsync(files, _embeddings.Value, CancellationToken.None))).Value,
            () => _embeddings.Value,
            extractive,
            _time);
    }
}
