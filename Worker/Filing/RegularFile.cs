namespace Worker.Filing;

/// <summary>Reads files a clerk could have planted: only regular files, never through a link, never blocking on a pipe, size-capped.</summary>
public static class RegularFile
{
    /// <summary>
    /// Opens <paramref name="path"/> for reading once the open handle shows a regular file of at most <paramref name="maxBytes"/>;
    /// otherwise throws <see cref="RefusedFileException"/> without having read a byte.
    /// </summary>
    public static FileStream OpenRead(string path, long maxBytes)
    {
        var handle = UnixFile.OpenNoFollow(path);
        try
        {
            var status = UnixFile.Status(handle);
            if (status.Kind != FileKind.Regular) throw new RefusedFileException(path, FileRefusal.NotRegular);
            if (status.Size > maxBytes) throw new RefusedFileException(path, FileRefusal.TooBig, status.Size);
            return new FileStream(handle, FileAccess.Read, 81920);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The text of a regular file of at most <paramref name="maxBytes"/> (UTF-8), under the same rules as <see cref="OpenRead"/>.</summary>
    public static string ReadAllText(string path, long maxBytes)
    {
        using var stream = OpenRead(path, maxBytes);
        var buffer = new byte[maxBytes + 1];
        // Read to the cap, not to the reported size: the file may grow after the check.
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read > maxBytes) throw new RefusedFileException(path, FileRefusal.TooBig, read);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>True when anything (a file, folder, pipe, or a link even to nowhere) has this name.</summary>
    public static bool Taken(string path) => UnixFile.LinkStatus(path) is not null;
}
