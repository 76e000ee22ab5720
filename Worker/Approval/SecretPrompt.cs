using Worker.Signing;

namespace Worker.Approval;

/// <summary>What the approval page asks for when approving signs with the official's own secret.</summary>
public sealed record SecretPrompt
{
    /// <summary>The step's signing: its signer profile, and whether the official types a TOTP code.</summary>
    public required SecretSigning Signing { get; init; }
    /// <summary>Why approving cannot sign now (certificate not ISSUE, others still to approve): no secret field, no approve button.</summary>
    public string? Blocked { get; init; }
    /// <summary>BSrE was just asked to send the official a code.</summary>
    public bool CodeSent { get; init; }
}
