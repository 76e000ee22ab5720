using Worker.Configuration;

namespace Worker.Signing;

/// <summary>An approval step that signs in its approval request with the secret its official types.</summary>
public sealed record SecretSigning
{
    /// <summary>The signer profile's name under Worker:Signers.</summary>
    public required string Signer { get; init; }
    /// <summary>The signer profile.</summary>
    public required SignerOptions Profile { get; init; }
    /// <summary>Steps that must approve before this one may sign (0: it may sign now).</summary>
    public required int OthersFirst { get; init; }
    /// <summary>The official types a TOTP code BSrE sends on request instead of a passphrase.</summary>
    public bool Totp => Profile.Kind == SignerKinds.Bsre && Profile.Secret == SignerSecrets.Totp;
    /// <summary>The official types the PIN (or OTP) of a credential at a CSC service.</summary>
    public bool Csc => Profile.Kind == SignerKinds.Csc;
}
