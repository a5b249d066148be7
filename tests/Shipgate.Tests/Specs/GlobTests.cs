using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class GlobTests : IDisposable
{
    private readonly TempFeature _dir = new();

    public GlobTests()
    {
        foreach (var path in new[] { "cases/b.yaml", "cases/a.yaml", "cases/a.jsonl", "cases/sub/c.yaml", "cases/sub/deeper/d.yaml", "cases/.hidden/e.yaml", "x1.md", "x22.md" })
        {
            _dir.Write(path, "");
        }
    }

    public void Dispose() => _dir.Dispose();

    private string[] Expand(string pattern) => [.. Glob.Expand(_dir.Root, pattern).Select(p => Path.GetRelativePath(_dir.Root, p).Replace('\\', '/'))];

    [Fact]
    public void Expand_Star_MatchesOneFolderSorted()
    {
        Assert.Equal(["cases/a.yaml", "cases/b.yaml"], Expand("cases/*.yaml"));
    }

    [Fact]
    public void Expand_DoubleStar_MatchesAnyDepthButSkipsHiddenFolders()
    {
        Assert.Equal(["cases/a.yaml", "cases/b.yaml", "cases/sub/c.yaml", "cases/sub/deeper/d.yaml"], Expand("cases/**/*.yaml"));
    }

    [Fact]
    public void Expand_QuestionMark_MatchesOneCharacter()
    {
        Assert.Equal(["x1.md"], Expand("x?.md"));
    }

    [Fact]
    public void Expand_HiddenFolderNamedLiterally_IsMatched()
    {
        Assert.Equal(["cases/.hidden/e.yaml"], Expand("cases/.hidden/*.yaml"));
    }

    [Fact]
    public void Expand_LiteralPath_ReturnsFileOnlyWhenItExists()
    {
        Assert.Single(Expand("cases/a.jsonl"));
        Assert.Empty(Expand("cases/none.jsonl"));
        Assert.Empty(Expand("nowhere/*.yaml"));
    }

    [Fact]
    public void Expand_LinkToAFolder_IsNeitherFollowedNorMatched()
    {
        Directory.CreateSymbolicLink(Path.Combine(_dir.Root, "cases", "loop"), Path.Combine(_dir.Root, "cases"));

        Assert.Equal(["cases/a.yaml", "cases/b.yaml", "cases/sub/c.yaml", "cases/sub/deeper/d.yaml"], Expand("cases/**/*.yaml"));
    }

    [Fact]
    public void Expand_DanglingLink_IsReturnedForTheCallerToReport()
    {
        File.CreateSymbolicLink(Path.Combine(_dir.Root, "cases", "gone.yaml"), Path.Combine(_dir.Root, "nowhere.yaml"));

        Assert.Contains("cases/gone.yaml", Expand("cases/*.yaml"));
    }
}
