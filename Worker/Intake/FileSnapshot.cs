namespace Worker.Intake;

/// <summary>What is compared between two looks at a file: any difference means it is still being written.</summary>
/// <param name="Size">File size in bytes.</param>
/// <param name="Modified">Last write time (UTC).</param>
/// <param name="IsLink">True for a symbolic link, which is refused without being read.</param>
/// <param name="SidecarSize">Size of NAME.json beside it, or -1 when there is none.</param>
/// <param name="SidecarModified">Last write time of NAME.json, if any.</param>
public sealed record FileSnapshot(long Size, DateTime Modified, bool IsLink, long SidecarSize, DateTime SidecarModified)
{
    /// <summary>The file as it is now, or null when it is gone or is a folder.</summary>
    public static FileSnapshot? Take(string path)
    {
        var file = new FileInfo(path);
        var isLink = file.LinkTarget is not null;
        if (!file.Exists && !isLink) return null;
        var sidecar = new FileInfo(path + InboxFilter.SidecarSuffix);
        return new FileSnapshot(
            file.Exists ? file.Length : 0, file.Exists ? file.LastWriteTimeUtc : default, isLink,
            sidecar.Exists ? sidecar.Length : -1, sidecar.Exists ? sidecar.LastWriteTimeUtc : default);
    }
}
