using Worker.Filing;

namespace Worker.Intake;

/// <summary>
/// DataDirectory/intake-attempts/{id}: one byte per examination of a claim, written to disk before it starts, so a file that
/// crashes the worker is counted even though the crash leaves no chance to record anything.
/// </summary>
public sealed class ExamineAttempts
{
    private readonly string folder;

    public ExamineAttempts(string dataDirectory, int max)
    {
        folder = FileModes.CreatePrivateFolder(Path.Combine(Path.GetFullPath(dataDirectory), "intake-attempts"));
        Max = max;
    }

    /// <summary>After this many failed or crashed examinations a claim is quarantined instead of examined again.</summary>
    public int Max { get; }

    /// <summary>Counts one more attempt (flushed to disk) and returns how many were counted before it.</summary>
    public int Begin(Guid id)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileModes.PrivateFile;
        using var file = new FileStream(PathOf(id), options);
        var before = (int)Math.Min(file.Length, int.MaxValue);
        file.WriteByte((byte)'+');
        file.Flush(flushToDisk: true);
        return before;
    }

    /// <summary>The claim is recorded: its attempts no longer matter.</summary>
    public void Clear(Guid id) => File.Delete(PathOf(id));

    /// <summary>Where the attempts of <paramref name="id"/> are counted.</summary>
    public string PathOf(Guid id) => Path.Combine(folder, id.ToString());
}
