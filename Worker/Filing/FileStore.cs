namespace Worker.Filing;

/// <summary>Writes files the way the archive needs them: complete or not at all, and never over an existing file.</summary>
public static class FileStore
{
    /// <summary>
    /// Moves a finished temporary file to <paramref name="target"/>, or to "name-2.pdf", "name-3.pdf", ... when taken.
    /// Returns the path used. The move is a no-overwrite rename, so two workers can never clobber each other.
    /// </summary>
    public static string MoveToFreeName(string temporary, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? target : WithSuffix(target, n);
            try
            {
                File.Move(temporary, candidate, overwrite: false);
                return candidate;
            }
            catch (IOException) when (File.Exists(candidate) && n < 10_000)
            {
                // Taken: try the next suffix.
            }
        }
    }

    /// <summary>Copies into a temporary file beside the target, flushes it to disk, then moves it to a free name.</summary>
    public static string CopyToFreeName(string source, string target)
    {
        var temporary = TemporaryBeside(target);
        try
        {
            using (var input = File.OpenRead(source))
            using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                input.CopyTo(output);
                output.Flush(flushToDisk: true);
            }
            return MoveToFreeName(temporary, target);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes text to a new file beside another (a reason next to a refused PDF), never overwriting.</summary>
    public static string WriteTextToFreeName(string target, string text)
    {
        var temporary = TemporaryBeside(target);
        File.WriteAllText(temporary, text);
        try { return MoveToFreeName(temporary, target); }
        finally { File.Delete(temporary); }
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
        for (var n = 2; File.Exists(candidate); n++) candidate = WithSuffix(target, n);
        return candidate;
    }

    public static string WithSuffix(string path, int n) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{n}{Path.GetExtension(path)}");
}
