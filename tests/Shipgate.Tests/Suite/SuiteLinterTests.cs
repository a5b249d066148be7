using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Shipgate.Embeddings;
using Shipgate.Runs;
using Shipgate.Specs;
using Shipgate.Storage;
using Shipgate.Suite;
using Shipgate.Tests.Evals.Assertions;
using static Shipgate.Tests.Suite.LintSpecs;

namespace Shipgate.Tests.Suite;

public sealed class SuiteLinterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly string _folder = Directory.CreateTempSubdirectory("shipgate-lint-").FullName;
    private int _embedderRequests;

    private SuiteLinter Linter(IEmbeddingGenerator<string, Embedding<float>>? generator = null) =>
        new(() =>
        {
            _embedderRequests++;
            return generator ?? new HashingEmbeddingGenerator();
        }, _time);

    private static IEnumerable<string> Codes(LintReport report) => report.Findings.Select(f => f.Code);

    [Fact]
    public async Task LintAsync_FewerThan50Cases_WarnsWithHowManyToAdd()
    {
        var report = await Linter().LintAsync(Spec(Balanced(20)), null);

        var finding = Assert.Single(report.Findings, f => f.Code == "SG101");
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("20 cases", finding.Message, StringComparison.Ordinal);
        Assert.Contains("add 30", finding.Advice, StringComparison.Ordinal);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public async Task LintAsync_MoreThan100Cases_IsInfoNotWarning()
    {
        var report = await Linter().LintAsync(Spec(Balanced(120)), null);

        Assert.Equal(LintSeverity.Info, Assert.Single(report.Findings, f => f.Code == "SG102").Severity);
        Assert.DoesNotContain("SG101", Codes(report));
    }

    [Fact]
    public async Task LintAsync_Balanced60CaseSuite_HasNoSizeCoverageOrDuplicateFindings()
    {
        var report = await Linter().LintAsync(Spec(Balanced(60)), null);

        Assert.DoesNotContain(report.Findings, f => f.Code is "SG101" or "SG102" or "SG103" or "SG104" or "SG105" or "SG110" or "SG130");
        Assert.Equal(60, report.CaseCount);
    }

    [Fact]
    public async Task LintAsync_NoAdversarialCases_SaysWhichCategoryIsMissing()
    {
        var cases = Balanced(60).Select(c => c.Tags.Contains(CaseTags.Adversarial) ? c with { Tags = [CaseTags.Happy] } : c).ToList();

        var report = await Linter().LintAsync(Spec(cases), null);

        var finding = Assert.Single(report.Findings, f => f.Code == "SG103");
        Assert.Contains("'adversarial'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("SG105", Codes(report));
    }

    [Fact]
    public async Task LintAsync_EdgeBelowTenPercent_WarnsUnderrepresented()
    {
        var cases = Balanced(60);
        var edges = cases.Where(c => c.Tags.Contains(CaseTags.Edge)).Skip(3).Select(c => c.Id).ToHashSet();
        cases = [.. cases.Select(c => edges.Contains(c.Id) ? c with { Tags = [CaseTags.Happy] } : c)];

        var report = await Linter().LintAsync(Spec(cases), null);

        var finding = Assert.Single(report.Findings, f => f.Code == "SG104");
        Assert.Contains("only 3 cases of 60 (5%) are tagged 'edge'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintAsync_NearDuplicateInputs_NamesBothCasesWithFileAndLine()
    {
        var cases = Balanced(60);
        cases.Add(Case("dup-a", "How do I cancel my plan", line: 400));
        cases.Add(Case("dup-b", "how do I cancel my plan?", line: 410));

        var report = await Linter().LintAsync(Spec(cases), null);

        var finding = Assert.Single(report.Findings, f => f.Code == "SG110");
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Contains("'dup-a' (cases/suite.yaml:400:3)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'dup-b' (cases/suite.yaml:410:3)", finding.Message, StringComparison.Ordinal);
        Assert.Equal(410, finding.Location?.Line);
    }

    [Fact]
    public async Task LintAsync_SimilarityBelowThreshold_IsNotADuplicate()
    {
        var cases = Balanced(60);
        cases.Add(Case("near-a", "how do I cancel my plan today"));
        cases.Add(Case("near-b", "how do I cancel my plan"));

        var strict = await Linter().LintAsync(Spec(cases), null, new SuiteLintOptions { DuplicateThreshold = 0.99 });
        var loose = await Linter().LintAsync(Spec(cases), null, new SuiteLintOptions { DuplicateThreshold = 0.8 });

        Assert.DoesNotContain("SG110", Codes(strict));
        Assert.Contains("SG110", Codes(loose));
    }

    [Fact]
    public async Task LintAsync_SingleCase_NeverAsksForTheEmbeddingModel()
    {
        await Linter().LintAsync(Spec([Case("only", "hello")]), null);

        Assert.Equal(0, _embedderRequests);
    }

    [Fact]
    public async Task LintAsync_EmbeddingModelFails_ReportsSkippedCheckInsteadOfThrowing()
    {
        var report = await Linter(new ThrowingEmbeddingGenerator()).LintAsync(Spec(Balanced(60)), null);

        Assert.Equal(LintSeverity.Info, Assert.Single(report.Findings, f => f.Code == "SG119").Severity);
    }

    [Fact]
    public async Task LintAsync_RealMiniLm_FlagsParaphraseButNotDifferentQuestion()
    {
        using var minilm = new MiniLmEmbeddingGenerator();
        var cases = new List<EvalCase>
        {
            Case("price", "How much does Tallybook Plus cost?"),
            Case("price-again", "how much does tallybook plus cost now?"),
            Case("export", "How do I get all our expenses out into a spreadsheet?"),
            Case("logout", "The app keeps logging me out on Android every time I close it"),
        };

        var report = await Linter(minilm).LintAsync(Spec(cases), null);

        var finding = Assert.Single(report.Findings, f => f.Code == "SG110");
        Assert.Contains("'price'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'price-again'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintAsync_CaseWithoutAssertionsAndNoDefaults_IsAnError()
    {
        var cases = Balanced(60);
        cases.Add(Case("bare", "what is this", assertions: false, line: 777));

        var report = await Linter().LintAsync(Spec(cases), null);

        var finding = Assert.Single(report.Findings, f => f.Code == "SG130");
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal(777, finding.Location?.Line);
        Assert.True(report.HasErrors);
        Assert.Equal("SG130", report.Findings[0].Code);
    }

    [Fact]
    public async Task LintAsync_CaseWithoutAssertionsButDefaults_IsInfoListingIt()
    {
        var cases = Balanced(60);
        cases.Add(Case("bare", "what is this", assertions: false));

        var report = await Linter().LintAsync(Spec(cases, defaults: [Contains]), null);

        Assert.False(report.HasErrors);
        Assert.Contains("bare", Assert.Single(report.Findings, f => f.Code == "SG131").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintAsync_NoProductionCases_Warns()
    {
        var report = await Linter().LintAsync(Spec(Balanced(60)), null);

        Assert.Equal(LintSeverity.Warning, Assert.Single(report.Findings, f => f.Code == "SG150").Severity);
    }

    [Fact]
    public async Task LintAsync_NewestProductionCaseOlderThanStaleDays_WarnsWithAge()
    {
        var cases = Balanced(60);
        cases.Add(Case("prod-old", "old complaint", origin: "complaint", added: new DateOnly(2026, 9, 1)));
        cases.Add(Case("prod-newer", "newer trace", origin: "production", added: new DateOnly(2026, 10, 20)));

        var report = await Linter().LintAsync(Spec(cases), null);

        var finding = Assert.Single(report.Findings, f => f.Code == "SG151");
        Assert.Contains("for 40 days", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'prod-newer'", finding.Message, StringComparison.Ordinal);
        var lenient = await Linter().LintAsync(Spec(cases), null, new SuiteLintOptions { StaleDays = 45 });
        Assert.DoesNotContain("SG151", Codes(lenient));
        Assert.DoesNotContain("SG150", Codes(lenient));
    }

    [Fact]
    public async Task LintAsync_ProductionCasesWithoutDates_AsksForAddedDates()
    {
        var cases = Balanced(60);
        cases.Add(Case("prod-undated", "a trace", origin: "Production"));

        var report = await Linter().LintAsync(Spec(cases), null);

        Assert.Contains("SG152", Codes(report));
        Assert.DoesNotContain("SG150", Codes(report));
    }

    [Fact]
    public async Task LintAsync_HumanLabels_OnlyUncalibratedJudgeIsReported()
    {
        var none = await Linter().LintAsync(Spec(Balanced(60)), null);
        var some = await Linter().LintAsync(Spec(Balanced(60)), null, new SuiteLintOptions { HumanLabelCount = 40 });

        Assert.Contains("no human labels", Assert.Single(none.Findings, f => f.Code == "SG140").Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SG140", Codes(some));
    }

    [Fact]
    public async Task LintAsync_InvalidThreshold_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Linter().LintAsync(Spec(Balanced(5)), null, new SuiteLintOptions { DuplicateThreshold = 1.5 }));
    }

    [Fact]
    public async Task LintAsync_EmptyStore_SaysNoCompletedRun()
    {
        await using var store = await RunStores.OpenSqliteAsync(Path.Combine(_folder, "shipgate.db"), _time);

        var report = await Linter().LintAsync(Spec(Balanced(60)), store);

        Assert.Contains("SG120", Codes(report));
        Assert.Null(report.RunId);
    }

    [Fact]
    public async Task LintAsync_EveryResultPasses_TooEasy()
    {
        var cases = Balanced(60);
        await using var store = await StoreWithRunAsync(cases, (_, _) => true);

        var report = await Linter().LintAsync(Spec(cases), store);

        Assert.Contains("SG121", Codes(report));
        Assert.DoesNotContain("SG122", Codes(report));
        Assert.DoesNotContain("SG123", Codes(report));
        Assert.Equal("run-1", report.RunId);
    }

    [Fact]
    public async Task LintAsync_NothingPasses_TooHard()
    {
        var cases = Balanced(60);
        await using var store = await StoreWithRunAsync(cases, (_, _) => false);

        var report = await Linter().LintAsync(Spec(cases), store);

        Assert.Contains("SG122", Codes(report));
        Assert.DoesNotContain("SG121", Codes(report));
    }

    [Fact]
    public async Task LintAsync_CasesWithSameVerdictOnEveryCandidate_ListsThem()
    {
        // case-0: passes on both; case-1: fails on both; every other case: passes on 'a' only.
        var cases = Balanced(60);
        await using var store = await StoreWithRunAsync(cases, (caseId, candidate) => caseId switch
        {
            "case-0" => true,
            "case-1" => false,
            _ => candidate == "a",
        });

        var report = await Linter().LintAsync(Spec(cases), store);

        var finding = Assert.Single(report.Findings, f => f.Code == "SG123");
        Assert.Equal(LintSeverity.Info, finding.Severity);
        Assert.Contains("2 of 60 cases", finding.Message, StringComparison.Ordinal);
        Assert.Contains("1 pass on every candidate (case-0)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("1 fail on every candidate (case-1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintAsync_OneCandidate_NoDiscriminationFinding()
    {
        var cases = Balanced(60);
        await using var store = await StoreWithRunAsync(cases, (caseId, _) => caseId != "case-1", candidates: ["a"]);

        var report = await Linter().LintAsync(Spec(cases), store);

        Assert.DoesNotContain("SG123", Codes(report));
        Assert.DoesNotContain("SG121", Codes(report));
    }

    [Fact]
    public async Task LintAsync_RunOfAnOlderSpec_SaysSo()
    {
        var cases = Balanced(60);
        await using var store = await StoreWithRunAsync(cases, (c, _) => c != "case-3", specHash: "sha256:before");

        var report = await Linter().LintAsync(Spec(cases), store);

        Assert.Contains("SG129", Codes(report));
    }

    [Fact]
    public async Task LintAsync_OnlyUnfinishedRuns_AreIgnored()
    {
        var cases = Balanced(60);
        await using var store = await StoreWithRunAsync(cases, (_, _) => true, status: RunStatus.Interrupted);

        var report = await Linter().LintAsync(Spec(cases), store);

        Assert.Contains("SG120", Codes(report));
        Assert.DoesNotContain("SG121", Codes(report));
    }

    private async Task<IRunStore> StoreWithRunAsync(
        IReadOnlyList<EvalCase> cases, Func<string, string, bool> pass, string[]? candidates = null, string specHash = "sha256:now", RunStatus status = RunStatus.Completed)
    {
        candidates ??= ["a", "b"];
        var store = await RunStores.OpenSqliteAsync(Path.Combine(_folder, "shipgate.db"), _time);
        var run = new RunRecord
        {
            Id = "run-1",
            Feature = "lint-feature",
            StartedAt = Now.AddHours(-1),
            SpecHash = specHash,
            Candidates = [.. candidates.Select(c => new PlannedCandidate(c, "local:extractive", "{}"))],
            CaseIds = [.. cases.Select(c => c.Id)],
            Repeats = 1,
        };
        await store.CreateRunAsync(run);
        foreach (var candidate in candidates)
        {
            foreach (var c in cases)
            {
                var ok = pass(c.Id, candidate);
                await store.AddResultAsync(new ResultRecord
                {
                    RunId = run.Id,
                    CaseId = c.Id,
                    CandidateId = candidate,
                    Repeat = 0,
                    Output = "output",
                    Pass = ok,
                    Score = ok ? 1 : 0,
                    CompletedAt = Now.AddMinutes(-30),
                });
            }
        }

        if (status != RunStatus.Running)
        {
            await store.FinishRunAsync(run.Id, status, Now.AddMinutes(-20), null);
        }

        return store;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
