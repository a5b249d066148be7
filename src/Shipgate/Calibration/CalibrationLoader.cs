using Shipgate.Runs;

namespace Shipgate.Calibration;

/// <summary>Reads every label in the store and the results they score (across runs), and measures agreement.</summary>
public static class CalibrationLoader
{
    public static async Task<CalibrationStatus> LoadAsync(IRunStore store, CancellationToken cancellationToken = default)
    {
        var labels = await store.GetLabelsAsync(cancellationToken).ConfigureAwait(false);
        if (labels.Count == 0)
        {
            return CalibrationStatus.None;
        }

        var results = new List<ResultRecord>();
        foreach (var runId in labels.Select(l => l.RunId).Distinct(StringComparer.Ordinal))
        {
            results.AddRange(await store.GetResultsAsync(runId, cancellationToken).ConfigureAwait(false));
        }

        var (agreements, unmatched) = JudgeAgreement.Compute(labels, results);
        return new CalibrationStatus(labels.Count, agreements, unmatched);
    }
}
