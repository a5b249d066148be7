namespace Shipgate.Specs;

/// <summary>What a path names on disk, after following symbolic links (see <see cref="FileProbe"/>).</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    DanglingLink,
    LinkLoop,
}
