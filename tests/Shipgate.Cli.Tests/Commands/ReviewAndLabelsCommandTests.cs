using Shipgate.Storage;

namespace Shipgate.Cli.Tests.Commands;

public sealed class ReviewAndLabelsCommandTests
{
    [Fact]
    public async Task Review_ScoresSkipsAndQuits_StoresEachLabelAsGiven()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 6);
        await f.RunAsync("eval", ".", "--format", "none");

        var code = await f.RunWithInputAsync(["4", "fine", "s", "2", "", "q"], "review", ".", "--labeler", "ana");

        Assert.Equal(0, code);
        Assert.Contains("Stored 2 labels", f.Output, StringComparison.Ordinal);
        await using var store = await RunStores.OpenSqliteAsync(Path.Combine(f.Folder, ".shipgate", "shipgate.db"));
        var labels = await store.GetLabelsAsync();
        Assert.Equal([4, 2], labels.Select(l => l.Score));
        Assert.Equal("fine", labels[0].Note);
        Assert.All(labels, l => Assert.Equal("ana", l.Labeler));
    }

    [Fact]
    public async Task Review_InvalidAnswer_AsksAgain()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");

        var code = await f.RunWithInputAsync(["9", "5", "", "q"], "review", ".");

        Assert.Equal(0, code);
        Assert.Contains("type 1, 2, 3, 4 or 5", f.Output, StringComparison.Ordinal);
        Assert.Contains("Stored 1 labels", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_NotInteractive_ExitsTwoPointingToImport()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 2);
        await f.RunAsync("eval", ".", "--format", "none");

        var code = await f.RunAsync("review", ".");

        Assert.Equal(2, code);
        Assert.Contains("labels import", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelsImport_Csv_StoresLabels()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");
        await File.WriteAllTextAsync(Path.Combine(f.Folder, "labels.csv"), "case_id,score,note\ncase-0,5,\"great, short\"\ncase-1,3,\n");

        var code = await f.RunAsync("labels", "import", "labels.csv", ".", "--labeler", "bo");

        Assert.Equal(0, code);
        Assert.Contains("Imported 2 labels", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelsImport_BadRows_ReportsEachLineAndStoresNothing()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");
        await File.WriteAllTextAsync(
            Path.Combine(f.Folder, "labels.jsonl"),
            "{\"case_id\": \"case-0\", \"score\": 4}\n{\"case_id\": \"case-9\", \"score\": 4}\n{\"case_id\": \"case-1\", \"score\": 7}\nnot json\n");

        var code = await f.RunAsync("labels", "import", "labels.jsonl", ".");

        Assert.Equal(2, code);
        Assert.Matches(@"labels\.jsonl:2:1: error: .*case-9", f.Output);
        Assert.Matches(@"labels\.jsonl:3:1: error: .*1 to 5", f.Output);
        Assert.Matches(@"labels\.jsonl:4:\d+: error: .*JSON", f.Output);
        await using var store = await RunStores.OpenSqliteAsync(Path.Combine(f.Folder, ".shipgate", "shipgate.db"));
        Assert.Empty(await store.GetLabelsAsync());
    }

    [Fact]
    public async Task LabelsImport_LoneSurrogate_ExitsTwoWithFileLineAndColumn()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");
        await File.WriteAllTextAsync(Path.Combine(f.Folder, "labels.jsonl"), "{\"case_id\": \"case-0\", \"score\": 4, \"note\": \"\\ud800\"}\n");

        var code = await f.RunAsync("labels", "import", "labels.jsonl", ".");

        Assert.Equal(2, code);
        Assert.Matches(@"labels\.jsonl:1:\d+: error: .*lone surrogate", f.Output);
    }

    [Fact]
    public async Task LabelsImport_DuplicateColumnOrKey_ExitsTwoNamingLineAndColumn()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");
        await File.WriteAllTextAsync(Path.Combine(f.Folder, "labels.csv"), "case_id,score,score\ncase-0,4,5\n");
        await File.WriteAllTextAsync(Path.Combine(f.Folder, "labels.jsonl"), "{\"case_id\": \"case-0\", \"score\": 4, \"score\": 5}\n");

        Assert.Equal(2, await f.RunAsync("labels", "import", "labels.csv", "."));
        Assert.Contains("labels.csv:1:15: error: duplicate column 'score'", f.Output, StringComparison.Ordinal);
        Assert.Equal(2, await f.RunAsync("labels", "import", "labels.jsonl", "."));
        Assert.Contains("labels.jsonl:1:1: error: duplicate key 'score'", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelsImport_UnknownRunOrCriterion_ExitsTwoListingValidValuesAndStoresNothing()
    {
        await using var f = await CliFixture.StartAsync();
        f.WriteFeature(cases: 3);
        await f.RunAsync("eval", ".", "--format", "none");
        await File.WriteAllTextAsync(
            Path.Combine(f.Folder, "labels.jsonl"),
            "{\"case_id\": \"case-0\", \"score\": 4}\n{\"case_id\": \"case-1\", \"score\": 4, \"run_id\": \"19990101-000000\"}\n{\"case_id\": \"case-2\", \"score\": 4, \"criterion\": \"tone\"}\n");

        var code = await f.RunAsync("labels", "import", "labels.jsonl", ".");

        Assert.Equal(2, code);
        Assert.Matches(@"labels\.jsonl:2:1: error: run_id '19990101-000000' is not a run of this feature \(use one of \d{8}-", f.Output);
        Assert.Matches(@"labels\.jsonl:3:1: error: criterion 'tone' given, but the spec has no rubric", f.Output);
        await using var store = await RunStores.OpenSqliteAsync(Path.Combine(f.Folder, ".shipgate", "shipgate.db"));
        Assert.Empty(await store.GetLabelsAsync());
    }
}
