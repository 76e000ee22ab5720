namespace Worker.Filing;

/// <summary>A file's status as the kernel reports it.</summary>
/// <param name="Kind">Regular file, folder, link or something else.</param>
/// <param name="Owner">The owning user id.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Device">The file system it lives on.</param>
/// <param name="Inode">Its number on that file system; with <paramref name="Device"/> it names the file.</param>
public sealed record FileStatus(FileKind Kind, uint Owner, long Size, ulong Device, ulong Inode);
