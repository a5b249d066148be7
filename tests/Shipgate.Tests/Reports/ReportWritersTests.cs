using Shipgate.Reports;

namespace Shipgate.Tests.Reports;

public sealed class ReportWritersTests
{
    [Theory]
    [InlineData("html", "html")]
    [InlineData("markdown", "markdown")]
    [InlineData("md", "markdown")]
    [InlineData("JSON", "json")]
    [InlineData("junit", "junit")]
    [InlineData(".xml", "junit")]
    public void Get_FormatOrExtension_ReturnsWriter(string name, string format)
    {
        Assert.Equal(format, ReportWriters.Get(name).Format);
    }

    [Fact]
    public void Get_Unknown_ThrowsListingFormats()
    {
        var ex = Assert.Throws<ArgumentException>(() => ReportWriters.Get("pdf"));
        Assert.Contains("unknown report format 'pdf'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("markdown, json, junit, html", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_HasFourDistinctFormatsAndExtensions()
    {
        Assert.Equal(4, ReportWriters.All.Select(w => w.Format).Distinct().Count());
        Assert.Equal(["md", "json", "xml", "html"], ReportWriters.All.Select(w => w.FileExtension));
    }

    [Fact]
    public async Task WriteFileAsync_NestedPath_CreatesFolderAndWritesUtf8WithoutBom()
    {
        var dir = Directory.CreateTempSubdirectory("shipgate-report-");
        try
        {
            var path = Path.Combine(dir.FullName, "out", "nested", "report.md");
            await ReportWriters.Get("md").WriteFileAsync(SampleReport.Build(), path);

            var bytes = await File.ReadAllBytesAsync(path);
            Assert.NotEqual(0xEF, bytes[0]);
            Assert.StartsWith("# Shipgate eval: support-assistant", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Render_EveryFormat_IsDeterministic()
    {
        var report = SampleReport.Build();
        foreach (var writer in ReportWriters.All)
        {
            Assert.Equal(writer.Render(report), writer.Render(report));
        }
    }
}
