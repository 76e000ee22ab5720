namespace Worker.Filing;

/// <summary>What kind of entry a path names, as the kernel reports it without following links.</summary>
public enum FileKind
{
    /// <summary>A plain file with bytes.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A symbolic link, whatever it points to.</summary>
    Link,
    /// <summary>A pipe, socket or device.</summary>
    Other,
}
