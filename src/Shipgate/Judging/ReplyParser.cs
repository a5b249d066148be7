namespace Shipgate.Judging;

/// <summary>Reads a judge's raw reply strictly; on failure, <paramref name="problem"/> is quoted back in the repair turn.</summary>
internal delegate bool ReplyParser<T>(string raw, out T value, out string problem);
