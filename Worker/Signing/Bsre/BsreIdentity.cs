namespace Worker.Signing.Bsre;

/// <summary>How BSrE knows the official: exactly one of NIK and email, and what they type to sign.</summary>
public sealed record BsreIdentity
{
    /// <summary>The 16-digit NIK, or empty.</summary>
    public required string Nik { get; init; }
    /// <summary>The email registered with BSrE, or empty.</summary>
    public required string Email { get; init; }
    /// <summary>True when the official signs with a TOTP code BSrE sends them instead of a passphrase.</summary>
    public bool Totp { get; init; }

    /// <summary>The JSON field and value that name the official.</summary>
    public (string Field, string Value) Wire => Nik.Length > 0 ? (BsreWire.Nik, Nik) : (BsreWire.Email, Email);

    /// <summary>The identity a signer profile names.</summary>
    public static BsreIdentity Of(Configuration.SignerOptions profile) =>
        new() { Nik = profile.Nik, Email = profile.Email, Totp = profile.Secret == Configuration.SignerSecrets.Totp };
}
