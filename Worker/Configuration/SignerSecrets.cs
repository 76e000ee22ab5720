namespace Worker.Configuration;

/// <summary>The values of <c>Worker:Signers:NAME:Secret</c>: what the official types at approval.</summary>
public static class SignerSecrets
{
    /// <summary>The official's own BSrE passphrase.</summary>
    public const string Passphrase = "Passphrase";
    /// <summary>A one-time code BSrE sends the official when the approval page asks for one.</summary>
    public const string Totp = "Totp";
}
