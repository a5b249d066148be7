using Shipgate.Runs;

namespace Shipgate.Judging;

/// <summary>What a judge conversation produced: the parsed reply, or an inconclusive verdict and why; usage either way.</summary>
internal sealed record JudgeExchange<T>(bool Parsed, T? Value, JudgeVerdict Verdict, string Problem);
