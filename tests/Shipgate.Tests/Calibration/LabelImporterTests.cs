using System.Text;
using Shipgate.Calibration;
using Shipgate.Runs;
using Shipgate.Specs;

namespace Shipgate.Tests.Calibration;

public sealed class LabelImporterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("shipgate-labels-").FullName;

    private static RunRecord Run(string id) => new()
    {
        Id = id,
        Feature = "f",
        StartedAt = Now,
        SpecHash = "h",
        Candidates = [new PlannedCandidate("a", "openai:a", "{}")],
        CaseIds = ["c1", "c2"],
        Repeats = 1,
    };

    private static readonly RunRecord Latest = Run("20261201-000000");
    private static readonly RunRecord Older = Run("20261130-000000");

    private static LabelTargets Targets => new()
    {
        DefaultRun = Latest,
        ResultsOfDefaultRun = [.. new[] { "c1", "c2" }.Select(c => new ResultRecord { RunId = Latest.Id, CaseId = c, CandidateId = "a", Repeat = 0, CompletedAt = Now })],
        Runs = [Latest, Older],
        Criteria = ["accuracy", "tone"],
    };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text) => File(name, Encoding.UTF8.GetBytes(text));

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static IReadOnlyList<SpecError> Errors(string path) =>
        Assert.Throws<SpecException>(() => LabelImporter.Read(path, Targets, "me", Now)).Errors;

    [Fact]
    public void Read_ValidRowsForDefaultAndOlderRunAndCriterion_ReturnsLabels()
    {
        var path = File("l.jsonl", "{\"case_id\": \"c1\", \"score\": 4, \"criterion\": \"tone\"}\n{\"case_id\": \"c2\", \"score\": 2, \"run_id\": \"20261130-000000\"}\n");

        var labels = LabelImporter.Read(path, Targets, "me", Now);

        Assert.Equal(["tone", null], labels.Select(l => l.Criterion));
        Assert.Equal([Latest.Id, Older.Id], labels.Select(l => l.RunId));
    }

    [Fact]
    public void Read_UnknownRunOrCriterion_NamesLineAndListsValidValues()
    {
        var path = File("l.jsonl", "{\"case_id\": \"c1\", \"score\": 4, \"run_id\": \"20990101-000000\"}\n{\"case_id\": \"c1\", \"score\": 4, \"criterion\": \"tonne\"}\n{\"case_id\": \"c9\", \"score\": 4, \"run_id\": \"20261130-000000\"}\n");

        var errors = Errors(path);

        Assert.Equal(3, errors.Count);
        Assert.Equal(1, errors[0].Location.Line);
        Assert.Contains("20261201-000000, 20261130-000000", errors[0].Hint, StringComparison.Ordinal);
        Assert.Equal(2, errors[1].Location.Line);
        Assert.Contains("accuracy, tone", errors[1].Hint, StringComparison.Ordinal);
        Assert.Equal(3, errors[2].Location.Line);
        Assert.Contains("did not plan case 'c9'", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonlLoneSurrogate_ErrorAtLineAndColumn()
    {
        var path = File("l.jsonl", "{\"case_id\": \"c1\", \"score\": 4}\n{\"case_id\": \"c2\", \"score\": 4, \"note\": \"\\ud800\"}\n");

        var error = Assert.Single(Errors(path));

        Assert.Equal((2, 40), (error.Location.Line, error.Location.Column));
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvWithEncodedSurrogate_ErrorAtLineAndColumn()
    {
        var path = File("l.csv", [.. Encoding.ASCII.GetBytes("case_id,score,note\nc1,4,ok\nc2,4,"), 0xED, 0xA0, 0x80, (byte)'\n']);

        var error = Assert.Single(Errors(path));

        Assert.Equal((3, 6), (error.Location.Line, error.Location.Column));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvDuplicateColumn_NamesBothColumns()
    {
        var path = File("l.csv", "case_id,score,Score\nc1,4,5\n");

        var error = Assert.Single(Errors(path));

        Assert.Equal((1, 15), (error.Location.Line, error.Location.Column));
        Assert.Contains("duplicate column 'score' (also column 9 of line 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonlDuplicateKey_NamesLineAndKey()
    {
        var path = File("l.jsonl", "{\"case_id\": \"c1\", \"score\": 4}\n{\"case_id\": \"c2\", \"score\": 4, \"score\": 1}\n");

        var error = Assert.Single(Errors(path));

        Assert.Equal(2, error.Location.Line);
        Assert.Contains("duplicate key 'score'", error.Message, StringComparison.Ordinal);
    }
}
