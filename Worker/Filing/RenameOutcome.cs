namespace Worker.Filing;

/// <summary>How a no-replace rename ended.</summary>
public enum RenameOutcome
{
    /// <summary>Renamed.</summary>
    Done,
    /// <summary>Something already has the target name; nothing changed.</summary>
    TargetTaken,
    /// <summary>The target is on another file system; nothing changed.</summary>
    OtherFileSystem,
}
