using Shipgate.Specs;

namespace Shipgate.Evals;

/// <summary>One unit of work: a case for a candidate, at a repeat index.</summary>
internal sealed record WorkItem(CandidateSpec Candidate, EvalCase Case, int Repeat)
{
    /// <summary>Same shape as <see cref="Runs.ResultRecord.Key"/>, so finished work can be skipped on resume.</summary>
    public string Key => $"{Candidate.Id}\u001f{Case.Id}\u001f{Repeat}";
}
