namespace Worker.Filing;

/// <summary>The permissions the worker gives what it creates: its own data only to itself, route files readable by the share's group.</summary>
public static class FileModes
{
    /// <summary>0700: data, content store, logs, outbox.</summary>
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>0600: originals, log files, pickup mail.</summary>
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>0640: files put in failed/, declined/ and the archive, which clerks read through the share's group.</summary>
    public const UnixFileMode RouteFile = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    /// <summary>Creates <paramref name="path"/> (and missing parents) as 0700; an existing folder keeps its mode.</summary>
    public static string CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, PrivateFolder);
        return path;
    }

    /// <summary>A new file that must not exist yet (O_CREAT|O_EXCL, so a planted link is never followed), with exactly <paramref name="mode"/>.</summary>
    public static FileStream CreateNew(string path, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode;
        var stream = new FileStream(path, options);
        // Set again on the handle: the creation mode is narrowed by the umask (UMask=0077), and route files must stay group-readable.
        Set(stream, mode);
        return stream;
    }

    /// <summary>Sets the mode of an open file (never through a link, unlike chmod on a path).</summary>
    public static void Set(FileStream file, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file.SafeFileHandle, mode);
    }
}
