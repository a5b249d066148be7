using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Shipgate.Testing;

namespace Shipgate.Cli.Tests.Commands;

public sealed partial class CalibrationCommandTests
{
    private const int Cases = 35;

    /// <summary>Candidate calls are echoed; judge calls get a verdict whose score follows the question number.</summary>
    private static string Respond(StubRequest request)
    {
        var text = string.Join("\n", request.Messages.Select(m => m.Content));
        if (!text.Contains("\"criteria\"", StringComparison.Ordinal) && !text.Contains("rubric", StringComparison.OrdinalIgnoreCase))
        {
            return "Echo: " + request.LastUserMessage;
        }

        var n = int.Parse(Question().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        return $$"""{"criteria":[{"id":"correctness","score":{{JudgeScore(n)}},"reason":"scored"}]}""";
    }

    private static int JudgeScore(int n) => 1 + (n % 5);

    private static void WriteRubricFeature(CliFixture f, string gate)
    {
        var yaml = new StringBuilder($$$"""
            version: 1
            feature:
              name: judged
            prompts:
              - id: answer
                user: "Q: question {{n}}"
            candidates:
              - id: stub
                provider: openai:stub-model
                base_url: {{{f.Server.BaseUrl}}}
                api_key_env: STUB_KEY
            judge:
              provider: openai:judge-model
              base_url: {{{f.Server.BaseUrl}}}
              api_key_env: STUB_KEY
            rubric:
              criteria:
                - id: correctness
                  description: The answer repeats the question number.
                  levels:
                    1: wrong
                    3: partly right
                    5: right
                  examples:
                    great: { input: "Q: sample", output: "Echo: Q: sample" }
                    acceptable: { input: "Q: sample", output: "sample" }
                    failure: { input: "Q: sample", output: "no idea" }
            defaults:
              assertions:
                - type: rubric
                  min: 1
            gate:
              {{{gate}}}
            suite:
              cases:

            """);
        for (var i = 0; i < Cases; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    - {{ id: case-{i}, vars: {{ n: \"{i}\" }} }}\n");
        }

        File.WriteAllText(Path.Combine(f.Folder, "shipgate.yaml"), yaml.ToString());
    }

    private static void WriteLabels(CliFixture f, Func<int, int> human)
    {
        var csv = new StringBuilder("case_id,score,criterion\n");
        for (var i = 0; i < Cases; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"case-{i},{human(i)},correctness\n");
        }

        File.WriteAllText(Path.Combine(f.Folder, "labels.csv"), csv.ToString());
    }

    [Fact]
    public async Task Calibration_LabelsAgreeWithTheJudge_GateRequiringCalibrationShips()
    {
        await using var f = await CliFixture.StartAsync(new StubServerOptions { Responder = Respond });
        WriteRubricFeature(f, "min_judge_kappa: 0.6");
        var validate = await f.RunAsync("validate", ".");
        Assert.True(validate == 0, f.Output);
        Assert.Equal(1, await f.RunAsync("eval", ".", "--format", "none"));
        Assert.Contains("uncalibrated: no human labels", f.Output, StringComparison.Ordinal);
        WriteLabels(f, JudgeScore);
        Assert.Equal(0, await f.RunAsync("labels", "import", "labels.csv", "."));

        var calibration = await f.RunAsync("calibration", ".");
        var calibrationOutput = f.Output;
        var report = await f.RunAsync("report", "latest", ".", "--format", "none");

        Assert.Equal(0, calibration);
        Assert.Contains("calibrated: quadratic κ 1.00", calibrationOutput, StringComparison.Ordinal);
        Assert.Equal(0, report);
        Assert.Contains("✓ judge calibration", f.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibration_LabelsDisagree_GateSaysUncalibratedWithTheKappa()
    {
        await using var f = await CliFixture.StartAsync(new StubServerOptions { Responder = Respond });
        WriteRubricFeature(f, "min_judge_kappa: 0.6");
        await f.RunAsync("eval", ".", "--format", "none");
        WriteLabels(f, i => 5 - (i % 5));
        await f.RunAsync("labels", "import", "labels.csv", ".");

        var code = await f.RunAsync("report", "latest", ".", "--format", "none");

        Assert.Equal(1, code);
        Assert.Contains("✗ judge calibration", f.Output, StringComparison.Ordinal);
        Assert.Contains("uncalibrated: criterion '", f.Output, StringComparison.Ordinal);
        Assert.Contains("(quadratic κ -", f.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"question (\d+)")]
    private static partial Regex Question();
}
