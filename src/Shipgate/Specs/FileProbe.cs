using System.Runtime.InteropServices;

namespace Shipgate.Specs;

/// <summary>
/// Tells what a path names without opening it: opening a FIFO blocks until a writer comes, and a device such as
/// /dev/zero never ends. .NET reports pipes and devices as ordinary files, so on Linux and macOS this asks
/// <c>stat(2)</c> for the file type; elsewhere (or if libc cannot be reached) paths under /dev, /proc and /sys count as devices.
/// </summary>
internal static partial class FileProbe
{
    private const int TypeMask = 0xF000;
    private const int FifoType = 0x1000;
    private const int CharacterType = 0x2000;
    private const int DirectoryType = 0x4000;
    private const int BlockType = 0x6000;
    private const int RegularType = 0x8000;
    private const int SocketType = 0xC000;

    /// <summary>The kind of <paramref name="path"/>; <paramref name="target"/> is the final target of a symbolic link, else the path.</summary>
    public static FileKind Probe(string path, out string target)
    {
        target = path;
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            FileSystemInfo? final;
            try
            {
                final = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException)
            {
                // ELOOP: "Too many levels of symbolic links".
                return FileKind.LinkLoop;
            }

            target = final?.FullName ?? Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(path)!);
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                return FileKind.DanglingLink;
            }
        }

        if (Directory.Exists(target))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(target))
        {
            return FileKind.Missing;
        }

        return TypeOf(target) switch
        {
            FifoType => FileKind.Fifo,
            CharacterType => FileKind.CharacterDevice,
            BlockType => FileKind.BlockDevice,
            SocketType => FileKind.Socket,
            DirectoryType => FileKind.Directory,
            RegularType => FileKind.Regular,
            _ => IsSystemPath(target) ? FileKind.CharacterDevice : FileKind.Regular,
        };
    }

    /// <summary>Words for a kind in an error message: "a named pipe (FIFO)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        FileKind.DanglingLink => "a symbolic link to a file that does not exist",
        FileKind.LinkLoop => "a symbolic link loop",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };

    private static bool IsSystemPath(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal) || path.StartsWith("/sys/", StringComparison.Ordinal);

    /// <summary>The S_IFMT bits of the file's mode, or 0 when the platform's stat layout is not known here.</summary>
    private static int TypeOf(string path)
    {
        // Where st_mode sits in struct stat for each platform this knows.
        var (offset, width) = (OperatingSystem.IsLinux(), OperatingSystem.IsMacOS(), RuntimeInformation.ProcessArchitecture) switch
        {
            (true, _, Architecture.X64) => (24, 4),
            (true, _, Architecture.Arm64) => (16, 4),
            (_, true, Architecture.X64 or Architecture.Arm64) => (4, 2),
            _ => (-1, 0),
        };
        if (offset < 0)
        {
            return 0;
        }

        var buffer = new byte[512];
        try
        {
            var result = OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.X64
                ? StatMacX64(path, buffer)
                : Stat(path, buffer);
            if (result != 0)
            {
                return 0;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return 0;
        }

        var mode = width == 4 ? BitConverter.ToInt32(buffer, offset) : BitConverter.ToUInt16(buffer, offset);
        return mode & TypeMask;
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatMacX64(string path, [Out] byte[] buffer);
}
