using System.Collections.Concurrent;
using Shipgate.Providers;
using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>
/// Model judges get their chat client from the provider factory, exactly like a candidate (temperature forced to 0);
/// <c>local:reference</c> needs no client. One judge per (feature, judge id) is built and reused for the whole run.
/// </summary>
internal sealed class JudgeFactory(IProviderFactory providers, TimeProvider? time = null) : IJudgeFactory, IGroundednessJudgeFactory
{
    private readonly ConcurrentDictionary<(string Root, string Id), IRubricJudge> _judges = new();
    private readonly ConcurrentDictionary<(string Root, string Id), IGroundednessJudge> _grounders = new();

    public IRubricJudge Create(JudgeSpec judge, FeatureSpec feature)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(feature);
        return _judges.GetOrAdd((feature.RootDirectory, judge.Id), _ => judge.IsLocalReference
            ? new ReferenceJudge(judge.Id)
            : new ChatRubricJudge(judge, providers.Create(judge.ToCandidate(), feature), time ?? TimeProvider.System));
    }

    public IGroundednessJudge CreateGroundedness(JudgeSpec judge, FeatureSpec feature)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(feature);
        return _grounders.GetOrAdd((feature.RootDirectory, judge.Id), _ => judge.IsLocalReference
            ? new ReferenceGroundednessJudge(judge.Id)
            : new ChatGroundednessJudge(judge, providers.Create(judge.ToCandidate(), feature), time ?? TimeProvider.System));
    }
}
