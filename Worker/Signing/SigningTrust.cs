using System.Security.Cryptography.X509Certificates;

namespace Worker.Signing;

/// <summary>The trust anchors every signed output is checked against before filing.</summary>
public sealed class SigningTrust
{
    // Worker:Verification:TrustAnchors (the verification work) replaces this; until then signatures are checked without anchors, as before.
    public X509Certificate2Collection? Load() => null;
}
