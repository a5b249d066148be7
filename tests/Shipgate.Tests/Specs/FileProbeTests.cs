using Shipgate.Specs;

namespace Shipgate.Tests.Specs;

public sealed class FileProbeTests : IDisposable
{
    private readonly TempFeature _dir = new();

    public void Dispose() => _dir.Dispose();

    private string PathOf(string name) => Path.Combine(_dir.Root, name);

    [Fact]
    public void Probe_RegularFileAndLinkToIt_AreRegular()
    {
        _dir.Write("a.md", "x");
        File.CreateSymbolicLink(PathOf("link.md"), PathOf("a.md"));

        Assert.Equal(FileKind.Regular, FileProbe.Probe(PathOf("a.md"), out _));
        Assert.Equal(FileKind.Regular, FileProbe.Probe(PathOf("link.md"), out var target));
        Assert.Equal(PathOf("a.md"), target);
    }

    [Fact]
    public void Probe_Fifo_IsFifoWithoutOpeningIt()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        SpecReaderPathsTests.MakeFifo(PathOf("pipe"));

        Assert.Equal(FileKind.Fifo, FileProbe.Probe(PathOf("pipe"), out _));
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/dev/null")]
    public void Probe_Device_IsCharacterDevice(string device)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Equal(FileKind.CharacterDevice, FileProbe.Probe(device, out _));
    }

    [Fact]
    public void Probe_Links_DanglingLoopAndFolder()
    {
        Directory.CreateDirectory(PathOf("dir"));
        File.CreateSymbolicLink(PathOf("dangling"), PathOf("nowhere"));
        File.CreateSymbolicLink(PathOf("l1"), PathOf("l2"));
        File.CreateSymbolicLink(PathOf("l2"), PathOf("l1"));

        Assert.Equal(FileKind.DanglingLink, FileProbe.Probe(PathOf("dangling"), out _));
        Assert.Equal(FileKind.LinkLoop, FileProbe.Probe(PathOf("l1"), out _));
        Assert.Equal(FileKind.Directory, FileProbe.Probe(PathOf("dir"), out _));
        Assert.Equal(FileKind.Missing, FileProbe.Probe(PathOf("none"), out _));
    }
}
