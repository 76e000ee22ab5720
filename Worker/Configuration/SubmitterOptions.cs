namespace Worker.Configuration;

/// <summary>
/// <c>Worker:Routes:N:Submitters:M</c>: the person behind a file owner's user id. On a Samba share each SMB user maps to a
/// Unix uid (winbind/idmap or a local account), which owns the files they drop; a share with "force user" makes every file
/// one uid, and then only unit folders or the sidecar can say who dropped it.
/// </summary>
public sealed class SubmitterOptions
{
    /// <summary>The Unix user id that owns the files this person drops.</summary>
    public uint Uid { get; set; }
    /// <summary>Where this person's notices go.</summary>
    public string Email { get; set; } = "";
}
