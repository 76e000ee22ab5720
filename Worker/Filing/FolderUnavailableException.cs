namespace Worker.Filing;

/// <summary>
/// A route folder (archive, declined/) cannot take a file right now: full, read-only, or not writable. Nothing was left half-written;
/// the step is retried until the folder can be written again.
/// </summary>
public sealed class FolderUnavailableException(string folder, Exception cause)
    : IOException($"folder tidak dapat ditulis, dicoba lagi nanti / folder cannot be written, retried later: {folder} ({cause.Message})", cause)
{
    /// <summary>The folder that could not be written.</summary>
    public string Folder { get; } = folder;

    // errno values a full or read-only file system reports (Linux): ENOSPC, EROFS, EDQUOT.
    private static readonly int[] DiskErrors = [28, 30, 122];

    /// <summary>Whether <paramref name="e"/> says the folder cannot be written (as opposed to a bug or a bad input).</summary>
    public static bool IsFolderFault(Exception e) =>
        e is UnauthorizedAccessException || (e is IOException io && DiskErrors.Contains(io.HResult & 0xFFFF));
}
