namespace Worker.Configuration;

/// <summary><c>Worker:Verification</c>: what the verifier trusts and how it checks revocation.</summary>
public sealed class VerificationOptions
{
    /// <summary>PEM files of the roots a signature must chain to for "sah / valid"; empty means the roots of the configured signers' PKCS#12 chains.</summary>
    public List<string> TrustAnchors { get; set; } = [];
    /// <summary>Ask the OCSP responders and CRL distribution points that certificates name.</summary>
    public bool CheckRevocationOnline { get; set; } = true;
    /// <summary>How long the revocation checks of one certificate may take before its status is "unknown".</summary>
    public TimeSpan RevocationTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
