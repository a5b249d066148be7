using Shipgate.Cost;
using Shipgate.Evals;
using Shipgate.Selection;
using Shipgate.Specs;

namespace Shipgate.Launch;

/// <summary>
/// One rule for which candidate <c>cost</c>, <c>risk</c> and <c>launch</c> talk about, so they never disagree:
/// the one named with --candidate, else the recorded selection decision, else today's selection winner, else the first
/// candidate passing the ship gate, else the first candidate.
/// </summary>
internal static class CandidateChooser
{
    /// <summary>
    /// Reads the recorded decision (decisions/model-selection.json) and, when the spec has a selection section, today's
    /// matrix winner, then applies <see cref="Choose"/>. Warnings: an unreadable record, a record the matrix now disagrees with.
    /// </summary>
    public static async Task<(CandidateChoice Choice, IReadOnlyList<string> Warnings)> ResolveAsync(
        FeatureSpec spec, EvalReport report, string? wanted, PriceCatalog? catalog, string? selectionWinner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var warnings = new List<string>();
        string? recorded = null;
        try
        {
            recorded = DecisionRecordFiles.ReadSnapshot(spec)?.Winner;
        }
        catch (InvalidDataException ex)
        {
            warnings.Add($"{DecisionRecordFiles.SnapshotPath(spec)} is unreadable, so the recorded decision is ignored: {ex.Message}");
        }

        // The matrix is needed for the winner when the caller has none, and to check a recorded decision against it.
        SelectionAnalysis? matrix = null;
        if (spec.Selection is not null && wanted is null && (selectionWinner is null || recorded is not null) && report.Candidates.Count > 0)
        {
            matrix = await SelectionAnalyzer.AnalyzeAsync(spec, report, catalog, embeddings: null, cancellationToken).ConfigureAwait(false);
            selectionWinner ??= matrix.Winner;
        }

        if (wanted is null && recorded is not null && selectionWinner is not null && recorded != selectionWinner
            && report.Candidates.Any(c => c.CandidateId == recorded))
        {
            warnings.Add($"the recorded decision is '{recorded}' but the matrix now prefers '{selectionWinner}': review it ('shipgate select --check', then 'shipgate select --write')");
        }

        if (wanted is null && recorded is not null && report.Candidates.All(c => c.CandidateId != recorded))
        {
            var fallback = Choose(report, wanted, null, selectionWinner, missingRecorded: recorded);
            warnings.Add($"the recorded decision is '{recorded}', which run {report.Run.Id} does not hold: {fallback.Candidate.CandidateId} is used instead ({fallback.Reason})");
            return (fallback, warnings);
        }

        if (wanted is null && recorded is not null && matrix?.Get(recorded) is { Eliminated: true } outOfRunning)
        {
            warnings.Add($"the recorded decision '{recorded}' is out of the matrix on run {report.Run.Id} ({string.Join("; ", outOfRunning.EliminatedBecause)}): review it ('shipgate select')");
        }

        return (Choose(report, wanted, recorded, selectionWinner), warnings);
    }

    /// <param name="missingRecorded">A recorded decision the run does not hold, so the reasons name it instead of saying there is none.</param>
    public static CandidateChoice Choose(EvalReport report, string? wanted, string? recordedWinner, string? selectionWinner, string? missingRecorded = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Candidates.Count == 0)
        {
            throw new EvalUsageException($"run {report.Run.Id} has no candidates");
        }

        var ids = report.Candidates.Select(c => c.CandidateId).ToList();
        if (wanted is not null)
        {
            var named = report.Candidates.FirstOrDefault(c => c.CandidateId == wanted)
                ?? throw new EvalUsageException($"candidate '{wanted}' is not in run {report.Run.Id}; {DidYouMean.Hint(wanted, ids, "its candidates")}");
            return new(named, "chosen with --candidate");
        }

        if (Find(report, recordedWinner) is { } recorded)
        {
            return new(recorded, "the recorded selection decision, decisions/model-selection.json");
        }

        if (Find(report, selectionWinner) is { } winner)
        {
            return new(winner, "the model selection winner");
        }

        var decision = missingRecorded is null ? "no selection decision" : $"the recorded decision '{missingRecorded}' is not in run {report.Run.Id}";
        return report.Candidates.FirstOrDefault(c => c.Verdict.Ship) is { } shipping
            ? new(shipping, $"the first candidate passing the ship gate; {decision}")
            : new(report.Candidates[0], missingRecorded is null ? "the first candidate; none passes the ship gate and there is no selection decision" : $"the first candidate; none passes the ship gate and {decision}");
    }

    private static CandidateSummary? Find(EvalReport report, string? id) =>
        id is null ? null : report.Candidates.FirstOrDefault(c => c.CandidateId == id);
}
