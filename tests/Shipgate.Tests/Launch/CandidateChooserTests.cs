using Shipgate.Evals;
using Shipgate.Launch;
using Shipgate.Tests.Reports;

namespace Shipgate.Tests.Launch;

public sealed class CandidateChooserTests
{
    // SampleReport: gpt-4o-mini (NO-SHIP) first, baseline (SHIP) second.
    private static readonly EvalReport Report = SampleReport.Build();

    [Fact]
    public void Choose_Named_WinsOverEverything()
    {
        var choice = CandidateChooser.Choose(Report, "gpt-4o-mini", "baseline", "baseline");

        Assert.Equal("gpt-4o-mini", choice.Candidate.CandidateId);
        Assert.Equal("chosen with --candidate", choice.Reason);
    }

    [Fact]
    public void Choose_RecordedDecision_BeatsTodaysWinner()
    {
        var choice = CandidateChooser.Choose(Report, null, "gpt-4o-mini", "baseline");

        Assert.Equal("gpt-4o-mini", choice.Candidate.CandidateId);
        Assert.Contains("recorded selection decision", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_RecordedCandidateNotInTheRun_FallsToTheWinner()
    {
        var choice = CandidateChooser.Choose(Report, null, "gone", "gpt-4o-mini");

        Assert.Equal("gpt-4o-mini", choice.Candidate.CandidateId);
        Assert.Equal("the model selection winner", choice.Reason);
    }

    [Fact]
    public void Choose_NoDecision_TakesTheFirstShippingCandidate()
    {
        var choice = CandidateChooser.Choose(Report, null, null, null);

        Assert.Equal("baseline", choice.Candidate.CandidateId);
        Assert.Contains("first candidate passing the ship gate", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NoneShips_TakesTheFirstAndSaysSo()
    {
        var report = Report with { Candidates = [Report.Candidates[0]] };

        var choice = CandidateChooser.Choose(report, null, null, null);

        Assert.Equal("gpt-4o-mini", choice.Candidate.CandidateId);
        Assert.Contains("none passes the ship gate", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_RecordedDecisionMissingFromTheRun_ReasonNamesItInsteadOfSayingThereIsNone()
    {
        var choice = CandidateChooser.Choose(Report, null, null, null, missingRecorded: "gone");

        Assert.Equal("baseline", choice.Candidate.CandidateId);
        Assert.Equal($"the first candidate passing the ship gate; the recorded decision 'gone' is not in run {Report.Run.Id}", choice.Reason);
    }

    [Fact]
    public async Task ResolveAsync_RecordedDecisionMissingFromTheRun_WarnsWhoIsUsedInstead()
    {
        var folder = Directory.CreateTempSubdirectory("shipgate-chooser-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "decisions"));
            await File.WriteAllTextAsync(Path.Combine(folder, "decisions", "model-selection.json"), """
                { "schemaVersion": 1, "feature": "f", "decidedAt": "2026-11-01T00:00:00+00:00", "runId": "old", "metric": "pass_rate", "winner": "gone", "candidates": [] }
                """);
            var spec = new Shipgate.Specs.FeatureSpec { Name = "f", RootDirectory = folder, SpecFile = Path.Combine(folder, "shipgate.yaml"), Prompts = [], Cases = [], Candidates = [] };

            var (choice, warnings) = await CandidateChooser.ResolveAsync(spec, Report, null, null, null, CancellationToken.None);

            Assert.Equal("baseline", choice.Candidate.CandidateId);
            Assert.Equal($"the recorded decision is 'gone', which run {Report.Run.Id} does not hold: baseline is used instead ({choice.Reason})", Assert.Single(warnings));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Choose_Typo_SuggestsTheCandidate()
    {
        var e = Assert.Throws<EvalUsageException>(() => CandidateChooser.Choose(Report, "gpt-4o-mni", null, null));

        Assert.Contains("did you mean 'gpt-4o-mini'?", e.Message, StringComparison.Ordinal);
    }
}
