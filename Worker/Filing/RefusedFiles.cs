namespace Worker.Filing;

/// <summary>
/// What an operator does with a refused file in a route's failed/ folder: send it back to the inbox for a new try, or set it aside
/// in failed/.handled/ as dealt with. Nothing is deleted: the original and its reason are moved (never copied), the reason keeps
/// a line saying who did what and when.
/// </summary>
public static class RefusedFiles
{
    /// <summary>The folder inside failed/ that keeps files an operator has dealt with; hidden, so nothing lists it as refused.</summary>
    public const string HandledFolder = ".handled";

    /// <summary>The longest reason file read; the worker writes a few hundred bytes.</summary>
    public const long MaxReasonBytes = 64 * 1024;

    /// <summary>
    /// The refused files of <paramref name="failedFolder"/>, newest first, at most <paramref name="limit"/>; reasons and the entries
    /// beside a file (named with one of <paramref name="besideSuffixes"/>) are part of it, not files of their own.
    /// </summary>
    public static IReadOnlyList<RefusedFile> List(string failedFolder, IReadOnlyList<string> besideSuffixes, int limit)
    {
        if (!Directory.Exists(failedFolder)) return [];
        var files = new DirectoryInfo(failedFolder).EnumerateFiles().ToList();
        var names = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return files
            .Where(f => IsRefusedName(f.Name) && !besideSuffixes.Any(s => f.Name.EndsWith(s, StringComparison.Ordinal) && names.Contains(f.Name[..^s.Length])))
            .OrderByDescending(f => f.LastWriteTimeUtc).Take(limit)
            .Select(f => new RefusedFile { Name = f.Name, RefusedAt = f.LastWriteTimeUtc, Reason = Reason(f.FullName + FailedFolder.ErrorSuffix) })
            .ToList();
    }

    /// <summary>
    /// Moves failed/<paramref name="name"/> back into <paramref name="inbox"/> (a free name there), the entries named with
    /// <paramref name="besideSuffixes"/> first so intake finds them with it, and its reason into failed/.handled/ with
    /// <paramref name="note"/>. Returns the name it has in the inbox.
    /// </summary>
    public static string Resubmit(string failedFolder, string name, string inbox, IReadOnlyList<string> besideSuffixes, string note)
    {
        var source = Existing(failedFolder, name);
        var handled = Handled(failedFolder);
        Directory.CreateDirectory(inbox);
        for (var n = 1; ; n++)
        {
            var target = FileNames.Inside(inbox, FileNames.Numbered(name, n, Longest(besideSuffixes)));
            if (RegularFile.Taken(target) || besideSuffixes.Any(s => RegularFile.Taken(target + s))) continue;
            foreach (var suffix in besideSuffixes) MoveBeside(source + suffix, target + suffix);
            if (!FailedFolder.Move(source, target)) continue;
            KeepReason(source + FailedFolder.ErrorSuffix, handled, name, note);
            return Path.GetFileName(target);
        }
    }

    /// <summary>Moves failed/<paramref name="name"/>, its reason (with <paramref name="note"/>) and the entries beside it into failed/.handled/.</summary>
    public static string SetAside(string failedFolder, string name, IReadOnlyList<string> besideSuffixes, string note)
    {
        var source = Existing(failedFolder, name);
        var handled = Handled(failedFolder);
        string[] suffixes = [.. besideSuffixes, FailedFolder.ErrorSuffix];
        for (var n = 1; ; n++)
        {
            var target = FileNames.Inside(handled, FileNames.Numbered(name, n, Longest(suffixes)));
            if (RegularFile.Taken(target) || suffixes.Any(s => RegularFile.Taken(target + s))) continue;
            if (!FailedFolder.Move(source, target)) continue;
            foreach (var suffix in besideSuffixes) MoveBeside(source + suffix, target + suffix);
            MoveReason(source + FailedFolder.ErrorSuffix, target + FailedFolder.ErrorSuffix, note);
            return target;
        }
    }

    /// <summary>The clerk's reason from NAME.error.txt: its "Alasan" and "Reason" lines, else its first line; empty when there is none.</summary>
    public static string Reason(string reasonFile)
    {
        if (UnixFile.LinkStatus(reasonFile)?.Kind != FileKind.Regular) return "";
        string text;
        try
        {
            text = RegularFile.ReadAllText(reasonFile, MaxReasonBytes);
        }
        catch (Exception e) when (e is IOException or RefusedFileException or UnauthorizedAccessException)
        {
            return "";
        }
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var reasons = lines.Where(l => l.StartsWith("Alasan:", StringComparison.Ordinal) || l.StartsWith("Reason:", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).ToList();
        return PlainText.Clean(reasons.Count > 0 ? string.Join(" / ", reasons) : lines.FirstOrDefault() ?? "");
    }

    /// <summary>Whether a name in failed/ is a refused file rather than a reason, a sidecar or something hidden.</summary>
    public static bool IsRefusedName(string name) => !name.StartsWith('.') && !name.EndsWith(FailedFolder.ErrorSuffix, StringComparison.Ordinal);

    // Only a plain, visible name directly in failed/, and only a regular file: a link or a folder planted there is not moved.
    private static string Existing(string failedFolder, string name)
    {
        if (FileNames.Plain(name) != name || !IsRefusedName(name)) throw new FileNotFoundException($"'{name}' is not a refused file's name", name);
        var path = FileNames.Inside(failedFolder, name);
        if (UnixFile.LinkStatus(path)?.Kind != FileKind.Regular) throw new FileNotFoundException($"no refused file '{name}' in {failedFolder}", path);
        return path;
    }

    // failed/.handled, made if missing; a link planted under that name is not followed out of the folder.
    private static string Handled(string failedFolder)
    {
        var handled = Path.Combine(failedFolder, HandledFolder);
        if (!RegularFile.Taken(handled)) Directory.CreateDirectory(handled);
        if (UnixFile.LinkStatus(handled)?.Kind != FileKind.Directory) throw new IOException($"{handled} is not a folder");
        return handled;
    }

    private static void KeepReason(string reason, string handled, string name, string note)
    {
        for (var n = 1; ; n++)
        {
            var target = FileNames.Inside(handled, FileNames.Numbered(name, n, FailedFolder.ErrorSuffix)) + FailedFolder.ErrorSuffix;
            if (RegularFile.Taken(target)) continue;
            if (MoveReason(reason, target, note)) return;
        }
    }

    // The reason keeps its words and gets the operator's line; written as a new file (never through a link), the old one removed.
    private static bool MoveReason(string reason, string target, string note)
    {
        var text = UnixFile.LinkStatus(reason)?.Kind == FileKind.Regular ? RegularFile.ReadAllText(reason, MaxReasonBytes) : "";
        try
        {
            using var stream = FileModes.CreateNew(target, FileModes.RouteFile);
            using var writer = new StreamWriter(stream);
            writer.Write(text.TrimEnd() + (text.Length > 0 ? "\n\n" : "") + PlainText.Clean(note) + "\n");
        }
        catch (IOException) when (RegularFile.Taken(target))
        {
            return false;
        }
        if (UnixFile.LinkStatus(reason) is not null) File.Delete(reason);
        return true;
    }

    // A sidecar that cannot be moved (a link across file systems) stays in failed/ for the operator to see.
    private static void MoveBeside(string source, string target)
    {
        if (!RegularFile.Taken(source)) return;
        try
        {
            FailedFolder.Move(source, target);
        }
        catch (RefusedFileException)
        {
        }
    }

    private static string Longest(IReadOnlyList<string> suffixes) => suffixes.Append(FailedFolder.ErrorSuffix).MaxBy(s => s.Length) ?? "";
}
