namespace Worker.Filing;

/// <summary>Why a file from a share is not read.</summary>
public enum FileRefusal
{
    /// <summary>It is a symbolic link; its target is never read.</summary>
    Link,
    /// <summary>It is a pipe, socket, device or folder.</summary>
    NotRegular,
    /// <summary>It is larger than the caller allows.</summary>
    TooBig,
}
