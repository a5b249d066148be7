using Shipgate.Runs;
using Shipgate.Storage.Sqlite;

namespace Shipgate.Storage.Tests.Sqlite;

public sealed class SqliteLabelTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static HumanLabel Label(int score, string labeler = "ana", string? criterion = null, string note = "") => new()
    {
        RunId = "r1",
        CandidateId = "c",
        CaseId = "case-1",
        Score = score,
        Criterion = criterion,
        Labeler = labeler,
        Note = note.Length == 0 ? null : note,
        CreatedAt = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task AddLabelAsync_RoundTripsAndSurvivesReopen()
    {
        await using (var store = await SqliteRunStore.OpenAsync(_temp.DatabasePath, TimeProvider.System))
        {
            await store.AddLabelAsync(Label(4, note: "good, a bit long"));
            await store.AddLabelAsync(Label(2, criterion: "safety"));
        }

        await using var reopened = await SqliteRunStore.OpenAsync(_temp.DatabasePath, TimeProvider.System);
        var labels = await reopened.GetLabelsAsync();

        Assert.Equal(2, labels.Count);
        Assert.Contains(labels, l => l.Criterion is null && l.Score == 4 && l.Note == "good, a bit long");
        Assert.Contains(labels, l => l.Criterion == "safety" && l.Score == 2);
    }

    [Fact]
    public async Task AddLabelAsync_SameLabelerAgain_ReplacesAndOtherLabelersAddUp()
    {
        await using var store = await SqliteRunStore.OpenAsync(_temp.DatabasePath, TimeProvider.System);

        await store.AddLabelAsync(Label(3));
        await store.AddLabelAsync(Label(5));
        await store.AddLabelAsync(Label(1, labeler: "bo"));

        var labels = await store.GetLabelsAsync();
        Assert.Equal(2, labels.Count);
        Assert.Equal(5, labels.Single(l => l.Labeler == "ana").Score);
    }

    [Fact]
    public async Task AddLabelAsync_ScoreOutsideOneToFive_IsRejected()
    {
        await using var store = await SqliteRunStore.OpenAsync(_temp.DatabasePath, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentException>(() => store.AddLabelAsync(Label(6)));
    }
}
