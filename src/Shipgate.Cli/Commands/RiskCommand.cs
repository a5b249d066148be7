using Shipgate.Cli.Infrastructure;
using Shipgate.Cli.Rendering;
using Shipgate.Launch;
using Shipgate.Risk;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary>
/// <c>shipgate risk</c>: the hallucination risk assessment (framework 5) of a feature from its spec and an eval run.
/// Exit 0 when ready, 1 when not ready or nothing is declared, 2 on bad input.
/// </summary>
internal sealed class RiskCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<RiskSettings>(console, engine)
{
    protected override async Task<int> RunAsync(RiskSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        var report = await RunReportLoader.LoadAsync(Engine, spec, settings.Run, settings.Path, cancellationToken).ConfigureAwait(false);
        var (choice, choiceWarnings) = await CandidateChooser.ResolveAsync(spec, report, settings.Candidate, Engine.LoadPrices(settings.Prices), null, cancellationToken).ConfigureAwait(false);
        var assessment = RiskAssessor.Assess(spec, report, choice.Candidate.CandidateId, choice.Reason);
        assessment = assessment with { Warnings = [.. choiceWarnings, .. assessment.Warnings] };
        RiskConsoleRenderer.Render(Console, assessment, RunReportLoader.StaleWarning(report, spec));
        var folder = settings.Output is null
            ? Path.Combine(spec.StateDirectory, "reports", "risk")
            : Engine.Environment.ResolvePath(settings.Output);
        DecisionFiles.Write(
            Console,
            folder,
            "risk",
            settings.FormatList,
            () => $"# {assessment.Feature}: hallucination risk\n\nRun {assessment.RunId}.\n\n{RiskMarkdown.Render(assessment)}",
            () => RiskHtml.Page(assessment),
            () => RiskJson.Render(assessment));
        return assessment.Readiness.Ready ? ExitCodes.Ship : ExitCodes.NoShip;
    }
}
