using Microsoft.Extensions.AI;
using Shipgate.Providers;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// A model as judge: temperature 0, structured output, strict parsing with one repair turn (the problem and the raw
/// reply are sent back). A reply still unusable, or a failed call, is an inconclusive verdict with the raw text kept.
/// </summary>
internal sealed class ChatRubricJudge(JudgeSpec judge, IChatClient client, TimeProvider time) : IRubricJudge
{
    private readonly JudgeConversation _conversation = new(judge, client, time);

    public async Task<JudgeResult> JudgeAsync(RubricJudgeRequest request, CancellationToken cancellationToken)
    {
        var messages = JudgePrompt.Build(request, out _).ToList();
        var schema = JudgePrompt.Schema(request.Criteria);
        var exchange = await _conversation.AskAsync<IReadOnlyList<CriterionScore>>(
            messages,
            () => Options(schema),
            (string raw, out IReadOnlyList<CriterionScore> scores, out string problem) => JudgeOutputParser.TryParse(raw, request.Criteria, out scores, out problem),
            problem => JudgePrompt.Repair(problem, request.Criteria),
            cancellationToken).ConfigureAwait(false);
        return exchange.Parsed
            ? new JudgeResult(exchange.Verdict with { Criteria = exchange.Value!, Mean = RubricMath.WeightedMean(exchange.Value!, request.Criteria) })
            : new JudgeResult(exchange.Verdict, exchange.Problem);
    }

    private ChatOptions Options(System.Text.Json.JsonElement schema) => new()
    {
        ModelId = judge.ToCandidate().Target,
        Temperature = 0,
        MaxOutputTokens = judge.MaxTokens,
        ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, JudgePrompt.SchemaName, "Per-criterion rubric scores (integer 1-5) with reasons."),
    };
}
