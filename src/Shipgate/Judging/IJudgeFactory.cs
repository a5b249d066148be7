using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>Builds (and keeps) the judge for a declared <see cref="JudgeSpec"/> of a feature.</summary>
internal interface IJudgeFactory
{
    IRubricJudge Create(JudgeSpec judge, FeatureSpec feature);
}
