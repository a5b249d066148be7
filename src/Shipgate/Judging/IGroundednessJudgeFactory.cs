using Shipgate.Specs;

namespace Shipgate.Judging;

/// <summary>Builds (and keeps) the groundedness judge for a declared <see cref="JudgeSpec"/> of a feature.</summary>
internal interface IGroundednessJudgeFactory
{
    IGroundednessJudge CreateGroundedness(JudgeSpec judge, FeatureSpec feature);
}
