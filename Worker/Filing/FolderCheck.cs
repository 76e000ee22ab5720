namespace Worker.Filing;

/// <summary>Whether a folder is one the worker may trust: a real folder (not a link) owned by the worker's own user.</summary>
public static class FolderCheck
{
    /// <summary>What is wrong with <paramref name="path"/> as a folder of the worker, or null when nothing is.</summary>
    public static string? Problem(string path)
    {
        // Without a trailing separator, which would make the kernel resolve a link to a folder.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var status = UnixFile.LinkStatus(full);
        if (status is null) return $"folder {full} does not exist";
        if (status.Kind == FileKind.Link) return $"folder {full} is a symbolic link; use the real folder";
        if (status.Kind != FileKind.Directory) return $"{full} is not a folder";
        var worker = UnixFile.EffectiveUser;
        if (status.Owner != worker) return $"folder {full} belongs to user id {status.Owner}, not to the worker's user (id {worker})";
        return null;
    }
}
