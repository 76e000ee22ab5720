using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Worker.Filing;

/// <summary>The few Linux calls .NET does not offer: open without following a link or blocking on a pipe, and a file's type and owner.</summary>
public static class UnixFile
{
    private const int ReadOnly = 0, NonBlock = 0x800, CloseOnExec = 0x80000;
    private const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;
    private const uint WantTypeModeUidInoSize = 0x1 | 0x2 | 0x8 | 0x100 | 0x200;
    private const int LockExclusive = 2, LockNonBlocking = 4;
    private const int NoSuchFile = 2, AccessDenied = 13, Exists = 17, CrossDevice = 18, NotADirectory = 20, TooManyLinks = 40;
    private const uint NoReplace = 1;

    // O_NOFOLLOW is the one flag whose value differs between the two architectures the worker runs on.
    private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags, int mode);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatxPath(int directory, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatxHandle(SafeFileHandle handle, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(SafeFileHandle handle, int operation);

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int fromDirectory, byte[] from, int toDirectory, byte[] to, uint flags);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUser();

    /// <summary>The user id the worker runs as.</summary>
    public static uint EffectiveUser => GetEffectiveUser();

    /// <summary>
    /// Opens <paramref name="path"/> for reading with O_NOFOLLOW|O_NONBLOCK|O_CLOEXEC: a link is refused by the kernel,
    /// and a pipe opens at once instead of waiting for a writer. The caller checks the handle's <see cref="Status(SafeFileHandle)"/>.
    /// </summary>
    public static SafeFileHandle OpenNoFollow(string path)
    {
        var fd = Open(Terminated(path), ReadOnly | NonBlock | CloseOnExec | NoFollow, 0);
        if (fd >= 0) return new SafeFileHandle(fd, ownsHandle: true);
        var errno = Marshal.GetLastPInvokeError();
        throw errno switch
        {
            TooManyLinks => new RefusedFileException(path, FileRefusal.Link),
            NoSuchFile or NotADirectory => new FileNotFoundException($"{path} does not exist", path),
            AccessDenied => new UnauthorizedAccessException($"access to {path} is denied"),
            _ => new IOException($"cannot open {path} (errno {errno})"),
        };
    }

    /// <summary>What the open handle is, checked on the handle itself so a rename after the open cannot fool it.</summary>
    public static FileStatus Status(SafeFileHandle handle)
    {
        var buffer = new byte[256];
        if (StatxHandle(handle, [0], AtEmptyPath, WantTypeModeUidInoSize, buffer) != 0)
            throw new IOException($"cannot read the status of an open file (errno {Marshal.GetLastPInvokeError()})");
        return Parse(buffer);
    }

    /// <summary>What is at <paramref name="path"/> itself (a link is reported as a link); null when nothing is there.</summary>
    public static FileStatus? LinkStatus(string path)
    {
        var buffer = new byte[256];
        if (StatxPath(AtFdCwd, Terminated(path), AtSymlinkNoFollow, WantTypeModeUidInoSize, buffer) == 0) return Parse(buffer);
        var errno = Marshal.GetLastPInvokeError();
        if (errno is NoSuchFile or NotADirectory) return null;
        throw new IOException($"cannot read the status of {path} (errno {errno})");
    }

    /// <summary>
    /// Renames <paramref name="source"/> (the entry itself, even a link or a pipe) to <paramref name="target"/> unless the
    /// target name is taken; never copies, so nothing is read through a link.
    /// </summary>
    public static RenameOutcome RenameNoReplace(string source, string target)
    {
        if (RenameAt2(AtFdCwd, Terminated(source), AtFdCwd, Terminated(target), NoReplace) == 0) return RenameOutcome.Done;
        var errno = Marshal.GetLastPInvokeError();
        return errno switch
        {
            Exists => RenameOutcome.TargetTaken,
            CrossDevice => RenameOutcome.OtherFileSystem,
            NoSuchFile => throw new FileNotFoundException($"{source} (or the folder of {target}) does not exist", source),
            AccessDenied => throw new UnauthorizedAccessException($"cannot move {source} to {target}: access denied"),
            _ => throw new IOException($"cannot move {source} to {target} (errno {errno})"),
        };
    }

    /// <summary>True when this handle got an exclusive flock without waiting; false when another process holds one.</summary>
    public static bool TryLockExclusive(SafeFileHandle handle) => Flock(handle, LockExclusive | LockNonBlocking) == 0;

    // struct statx: stx_uid at 20, stx_mode at 28, stx_ino at 32, stx_size at 40, stx_dev_major/minor at 136/140.
    private static FileStatus Parse(byte[] b)
    {
        var mode = BitConverter.ToUInt16(b, 28);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Link,
            _ => FileKind.Other,
        };
        var device = ((ulong)BitConverter.ToUInt32(b, 136) << 32) | BitConverter.ToUInt32(b, 140);
        return new FileStatus(kind, BitConverter.ToUInt32(b, 20), (long)BitConverter.ToUInt64(b, 40), device, BitConverter.ToUInt64(b, 32));
    }

    private static byte[] Terminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }
}
