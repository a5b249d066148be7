using Shipgate.Selection;
using Shipgate.Specs;
using static Shipgate.Tests.Selection.SelectionSamples;

namespace Shipgate.Tests.Selection;

public sealed class DecisionRecordTests
{
    private static async Task<(SelectionAnalysis Analysis, FeatureSpec Spec)> Sample()
    {
        var quality = new SelectionRequirement { Kind = RequirementKind.Quality, Weight = 5, Metric = QualityMetric.MeanScore, Min = 0.5 };
        var privacy = new SelectionRequirement { Kind = RequirementKind.Privacy, Weight = 4, Hard = true, Regions = ["eu"] };
        var cost = new SelectionRequirement { Kind = RequirementKind.Cost, Weight = 4, MaxPerRequest = 0.002m };
        var spec = Spec([Candidate("mini", "openai", ["eu"]), Candidate("big", "openai", ["eu"]), Candidate("us-only", "acme", ["us"])], Declare(quality, privacy, cost)) with { Description = "Answers billing questions." };
        var report = Report(
            new Sample("mini", 300, 0.0004m, Uniform(10, 0.85)),
            new Sample("big", 900, 0.004m, Uniform(10, 0.84)),
            new Sample("us-only", 200, 0.0001m, Uniform(10, 0.8)));
        return (await AnalyzeAsync(spec, report), spec);
    }

    [Fact]
    public async Task Render_HasEveryAdrSectionWithChoiceAndRejections()
    {
        var (analysis, spec) = await Sample();

        var md = DecisionRecord.Render(analysis, spec, new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));

        foreach (var section in new[] { "## Context", "## Requirements and weights", "## Matrix", "## Decision", "## Rejected options", "## Review triggers", "## Consequences" })
        {
            Assert.Contains(section, md, StringComparison.Ordinal);
        }

        Assert.Contains("- Date: 2026-11-29", md, StringComparison.Ordinal);
        Assert.Contains("Use **mini**", md, StringComparison.Ordinal);
        Assert.Contains("- **us-only** (`openai:model-x`): fails a hard constraint: privacy: not offered in region eu", md, StringComparison.Ordinal);
        Assert.Contains("- **big** (`openai:model-x`):", md, StringComparison.Ordinal);
        Assert.Contains("behind mini", md, StringComparison.Ordinal);
        Assert.Contains("price change over 20%", md, StringComparison.Ordinal);
        Assert.Contains("older than 180 days", md, StringComparison.Ordinal);
        Assert.Contains("measured, run run-1", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_BestWhereItMattersOnlyStrictLeads_AndRejectedOptionsNameTheirAdvantage()
    {
        var quality = new SelectionRequirement { Kind = RequirementKind.Quality, Weight = 5, Metric = QualityMetric.MeanScore, Min = 0.5 };
        var cost = new SelectionRequirement { Kind = RequirementKind.Cost, Weight = 2, MaxPerRequest = 0.002m };
        var privacy = new SelectionRequirement { Kind = RequirementKind.Privacy, Weight = 4, Hard = true, Regions = ["eu"] };
        var spec = Spec([Candidate("good", "openai", ["eu"]), Candidate("cheap", "openai", ["eu"])], Declare(quality, cost, privacy));
        var report = Report(new Sample("good", 100, 0.002m, Uniform(10, 0.95)), new Sample("cheap", 100, 0.0005m, Uniform(10, 0.6)));
        var analysis = await AnalyzeAsync(spec, report);

        var md = DecisionRecord.Render(analysis, spec, new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));

        // good (4× cheap's cost): quality 1 ×5, cost (1 + 1 − log10(4)/3)/2 ×2 = 1.80, privacy 4; cheap: quality (1 + 0.1/0.45)/2 ×5, cost 1 ×2, privacy 4.
        Assert.Equal("good", analysis.Winner);
        var best = md.Split('\n').Single(l => l.StartsWith("It scores best where it matters:", StringComparison.Ordinal));
        Assert.Contains("quality", best, StringComparison.Ordinal);
        Assert.DoesNotContain("privacy", best, StringComparison.Ordinal);
        Assert.DoesNotContain("cost", best, StringComparison.Ordinal);
        Assert.Contains("better than good on cost +0.20 ($0.00050/request)", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectionMarkdown_Render_IsAModelSelectionSectionWithSources()
    {
        var (analysis, _) = await Sample();

        var md = SelectionMarkdown.Render(analysis);

        Assert.StartsWith("## Model selection", md, StringComparison.Ordinal);
        Assert.Contains("**winner**", md, StringComparison.Ordinal);
        Assert.Contains("(measured, run run-1)", md, StringComparison.Ordinal);
        Assert.Contains("declared, shipgate.yaml selection.requirements.privacy", md, StringComparison.Ordinal);
        Assert.Contains("us-only is out", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectionHtml_Render_IsASectionWithParetoChart()
    {
        var (analysis, _) = await Sample();

        var html = SelectionHtml.Render(analysis);

        Assert.StartsWith("<section", html, StringComparison.Ordinal);
        Assert.EndsWith("</section>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);

        // us-only is cheapest but out (privacy), so it is drawn grey and labelled, never on the front; mini alone is
        // the front (no line), and big costs more than mini for less quality.
        Assert.DoesNotContain("<polyline class=\"front\"", html, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "class=\"dominated\""));
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "class=\"pareto\""));
        Assert.Contains("<circle class=\"out\"", html, StringComparison.Ordinal);
        Assert.Contains("us-only (out)</text>", html, StringComparison.Ordinal);
        Assert.False(analysis.Get("us-only")!.OnParetoFront);
        Assert.Contains("<span class=\"src\">measured, run run-1</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectionJson_Render_HasSchemaVersionAndCamelCase()
    {
        var (analysis, _) = await Sample();

        var json = SelectionJson.Render(analysis);

        Assert.Contains("\"schemaVersion\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"winner\": \"mini\"", json, StringComparison.Ordinal);
        Assert.Contains("\"eliminatedBecause\"", json, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(3, doc.RootElement.GetProperty("candidates").GetArrayLength());
    }

    [Fact]
    public async Task DecisionFiles_WriteThenRead_RoundTripsTheSnapshot()
    {
        var (analysis, spec) = await Sample();
        var root = Directory.CreateTempSubdirectory("shipgate-decision-").FullName;
        try
        {
            var local = spec with { RootDirectory = root };
            var written = DecisionRecordFiles.Write(analysis, local, null, new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

            Assert.Contains(Path.Combine(root, "decisions", "model-selection.md"), written);
            var snapshot = DecisionRecordFiles.ReadSnapshot(local)!;
            Assert.Equal("mini", snapshot.Winner);
            Assert.Equal(QualityMetric.MeanScore, snapshot.Metric);
            Assert.Equal(0.0004m, snapshot.Candidates.Single(c => c.Id == "mini").CostPerRequest);
            Assert.False(snapshot.Candidates.Single(c => c.Id == "us-only").Shortlisted);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task DecisionFiles_ReadSnapshot_NoFileIsNull()
    {
        var (_, spec) = await Sample();

        Assert.Null(DecisionRecordFiles.ReadSnapshot(spec with { RootDirectory = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")) }));
    }
}
