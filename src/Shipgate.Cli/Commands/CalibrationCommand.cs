using System.Globalization;
using Shipgate.Calibration;
using Shipgate.Cli.Infrastructure;
using Spectre.Console;

namespace Shipgate.Cli.Commands;

/// <summary><c>shipgate calibration</c>: how well the judge agrees with the people who labelled outputs, per criterion.</summary>
internal sealed class CalibrationCommand(IAnsiConsole console, Engine engine) : ShipgateCommand<FeatureSettings>(console, engine)
{
    protected override async Task<int> RunAsync(FeatureSettings settings, CancellationToken cancellationToken)
    {
        var spec = Engine.LoadSpec(settings.Path);
        await using var store = await Engine.OpenStoreAsync(spec, cancellationToken).ConfigureAwait(false);
        var status = await CalibrationLoader.LoadAsync(store, cancellationToken).ConfigureAwait(false);
        var minKappa = spec.Gate.MinJudgeKappa ?? CriterionAgreement.DefaultMinimumKappa;
        var minLabels = spec.Gate.MinHumanLabels ?? CriterionAgreement.DefaultMinimumLabels;
        Console.MarkupLineInterpolated($"Judge {status.Statement(minKappa, minLabels)}");
        if (status.Unmatched > 0)
        {
            Console.MarkupLineInterpolated($"[grey]{status.Unmatched} labels scored outputs with no conclusive judge verdict and are left out.[/]");
        }

        foreach (var a in status.Agreements)
        {
            var s = a.Summary;
            var table = new Table().Border(TableBorder.Rounded).Title($"{Markup.Escape(a.JudgeId)} · {Markup.Escape(a.Criterion)} · {s.N} labels")
                .AddColumns("exact", "within one", "κ", "quadratic κ [[95% CI]]", "Spearman", "leniency (judge − human)", "calibrated");
            table.AddRow(
                Pct(s.ExactAgreement),
                Pct(s.WithinOneAgreement),
                F(s.Kappa),
                $"{F(s.QuadraticWeightedKappa)} [[{F(s.QuadraticKappaLow)}, {F(s.QuadraticKappaHigh)}]]",
                F(s.Spearman),
                double.IsNaN(s.MeanSignedDifference) ? "n/a" : s.MeanSignedDifference.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture),
                a.Calibrated(minKappa, minLabels) ? "[green]yes[/]" : "[red]no[/]");
            Console.Write(table);
            Console.Write(Confusion(s.ConfusionMatrix, s.MinLabel));
        }

        return ExitCodes.Ship;
    }

    private static Table Confusion(int[][] matrix, int minLabel)
    {
        var table = new Table().Border(TableBorder.Simple).Title("confusion: rows human, columns judge").AddColumn("");
        for (var j = 0; j < matrix.Length; j++)
        {
            table.AddColumn((minLabel + j).ToString(CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < matrix.Length; i++)
        {
            table.AddRow([(minLabel + i).ToString(CultureInfo.InvariantCulture), .. matrix[i].Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        }

        return table;
    }

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pct(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0%", CultureInfo.InvariantCulture);
}
