namespace Worker.Filing;

/// <summary>Writes files the way the archive needs them: complete or not at all, and never over an existing file.</summary>
public static class FileStore
{
    /// <summary>
    /// Moves a finished temporary file to <paramref name="target"/>, or to "name-2.pdf", "name-3.pdf", ... when taken.
    /// Returns the path used. The move is a no-overwrite rename (renameat2 RENAME_NOREPLACE: a link planted at the
    /// target name counts as taken and is never followed), so two workers can never clobber each other.
    /// </summary>
    public static string MoveToFreeName(string temporary, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        // Clerks read the archive through the share's group; nobody else needs to.
        using (var written = RegularFile.OpenRead(temporary, long.MaxValue)) FileModes.Set(written, FileModes.RouteFile);
        for (var n = 1; n < 10_000; n++)
        {
            var candidate = n == 1 ? target : WithSuffix(target, n);
            switch (UnixFile.RenameNoReplace(temporary, candidate))
            {
                case RenameOutcome.Done: return candidate;
                case RenameOutcome.OtherFileSystem: throw new IOException($"{temporary} and {candidate} are on different file systems");
            }
        }
        throw new IOException($"no free name for {target} after 10,000 tries");
    }

    /// <summary>A hidden temporary name in the target's folder, so the final rename stays on one filesystem.</summary>
    public static string TemporaryBeside(string target, string? key = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{key ?? Guid.NewGuid().ToString("N")}.tmp");
    }

    /// <summary>The target, or the first "-N" variant of it that does not exist yet.</summary>
    public static string FirstFreeName(string target)
    {
        var candidate = target;
        for (var n = 2; RegularFile.Taken(candidate); n++) candidate = WithSuffix(target, n);
        return candidate;
    }

    public static string WithSuffix(string path, int n) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{n}{Path.GetExtension(path)}");
}
