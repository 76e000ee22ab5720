namespace Worker.Filing;

/// <summary>A file on a share that the worker will not read: a link, not a regular file, or too big.</summary>
public sealed class RefusedFileException(string path, FileRefusal refusal, long size = 0)
    : IOException($"{path} is refused: {refusal}")
{
    /// <summary>Why it is refused.</summary>
    public FileRefusal Refusal { get; } = refusal;
    /// <summary>Its size, when it is refused for being too big.</summary>
    public long Size { get; } = size;
}
