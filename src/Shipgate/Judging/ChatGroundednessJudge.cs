using Microsoft.Extensions.AI;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// A model as groundedness judge: one call at temperature 0 with structured output, strict parsing with one repair
/// turn; a reply still unusable, or a failed call, is an inconclusive verdict with the raw text kept (never a pass).
/// Conclusive results are kept in the judge cache (when the request carries one) keyed by the full prompt sent.
/// </summary>
internal sealed class ChatGroundednessJudge(JudgeSpec judge, IChatClient client, TimeProvider time) : IGroundednessJudge
{
    private readonly JudgeConversation _conversation = new(judge, client, time);

    public async Task<GroundednessResult> JudgeAsync(GroundednessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var passages = await GroundednessDocuments.PassagesAsync(request.KnowledgeFiles, cancellationToken).ConfigureAwait(false);
        var (knowledge, truncated) = GroundednessDocuments.Select(passages, request.Output);
        if (request.Documents.Count == 0 && knowledge.Count == 0)
        {
            return new GroundednessResult(_conversation.Verdict(0, 0, 0, 0, 0) with { Inconclusive = true }, [], "grounded: nothing to check against: add 'context:' to the case, 'knowledge:' files to the spec, or a var to the assertion's 'sources:'");
        }

        var schema = GroundednessPrompt.Schema();
        var key = request.Cache is null ? null : JudgeVerdictCache.GroundednessKey(judge, GroundednessPrompt.CacheMaterial(request, knowledge, truncated), schema);
        if (key is not null && await request.Cache!.GetGroundednessAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        var messages = GroundednessPrompt.Build(request, knowledge, truncated, out _).ToList();
        var options = new ChatOptions
        {
            ModelId = judge.ToCandidate().Target,
            Temperature = 0,
            MaxOutputTokens = judge.MaxTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, GroundednessPrompt.SchemaName, "The output's factual claims, each supported, contradicted or not found in the documents."),
        };
        var exchange = await _conversation.AskAsync<IReadOnlyList<GroundedClaim>>(
            messages,
            () => options,
            GroundednessParser.TryParse,
            GroundednessPrompt.Repair,
            cancellationToken).ConfigureAwait(false);
        if (!exchange.Parsed)
        {
            return new GroundednessResult(exchange.Verdict, [], exchange.Problem); // never cached: asked again next time
        }

        var result = new GroundednessResult(exchange.Verdict, exchange.Value!);
        if (key is not null)
        {
            await request.Cache!.PutGroundednessAsync(key, result, CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }
}
