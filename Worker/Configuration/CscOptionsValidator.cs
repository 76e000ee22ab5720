using System.Net;

namespace Worker.Configuration;

/// <summary>Checks a <c>Kind: Csc</c> profile; each mistake is one line naming its key.</summary>
public static class CscOptionsValidator
{
    /// <summary>The values <c>Secret</c> takes for a CSC signer; <c>Passphrase</c>, the shared default, reads as <c>Pin</c>.</summary>
    public static readonly string[] Secrets = ["Pin", "Otp", "Passphrase"];

    public static void Check(List<string> e, string key, SignerOptions s)
    {
        var c = s.Csc;
        if (!Uri.TryCreate(c.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            e.Add($"{key}:Csc:Url: '{c.Url}' is not an https:// URL");
        // The PIN and the client secret cross this connection: plain http only to this machine.
        else if (url.Scheme == "http" && !(url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)))
            e.Add($"{key}:Csc:Url: '{c.Url}' must use https (the PIN and the client secret travel over it)");
        WorkerOptionsValidator.RequiredFile(e, $"{key}:Csc:ClientIdFile", c.ClientIdFile);
        WorkerOptionsValidator.RequiredFile(e, $"{key}:Csc:ClientSecretFile", c.ClientSecretFile);
        if (c.Timeout <= TimeSpan.Zero || c.Timeout > TimeSpan.FromMinutes(2))
            e.Add($"{key}:Csc:Timeout: {c.Timeout} must be more than 0 and at most 00:02:00");
        if (string.IsNullOrWhiteSpace(s.CredentialId)) e.Add($"{key}:CredentialId: must be set (the official's credential at the CSC service)");
        if (!Secrets.Contains(s.Secret)) e.Add($"{key}:Secret: '{s.Secret}' must be Pin or Otp");
        // The service names the certificate; what we demand of it must come from our configuration.
        if (s.CertificateSha256.Length == 0 && s.Nik.Length == 0 && s.Email.Length == 0)
            e.Add($"{key}:CertificateSha256: set it, Nik or Email (whose certificate the CSC signatures must carry)");
    }

    /// <summary>What the official types: <c>Otp</c>, else <c>Pin</c>.</summary>
    public static string SecretOf(SignerOptions s) => s.Secret == "Otp" ? "Otp" : "Pin";
}
