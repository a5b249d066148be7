using System.Collections.Concurrent;
using Shipgate.Providers;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// Model judges get their chat client from the provider factory, exactly like a candidate (temperature forced to 0);
/// <c>local:reference</c> needs no client. One judge per (feature, judge id) is built and reused for the whole run.
/// </summary>
internal sealed class JudgeFactory(IProviderFactory providers, TimeProvider? time = null) : IJudgeFactory
{
    private readonly ConcurrentDictionary<(string Root, string Id), IRubricJudge> _judges = new();

    public IRubricJudge Create(JudgeSpec judge, FeatureSpec feature)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(feature);
        return _judges.GetOrAdd((feature.RootDirectory, judge.Id), _ => judge.IsLocalReference
            ? new ReferenceJudge(judge.Id)
            : new ChatRubricJudge(judge, providers.Create(judge.ToCandidate(), feature), time ?? TimeProvider.System));
    }
}
