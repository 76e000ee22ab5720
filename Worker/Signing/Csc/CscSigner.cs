using Worker.Configuration;

namespace Worker.Signing.Csc;

/// <summary>
/// A CSC remote signing service (Kind Csc): the official's key stays at the service; our engine builds the PAdES
/// signature (stamp, CMS, timestamp) around the value signatures/signHash returns for the hash of the signed attributes,
/// after credentials/authorize with the PIN/OTP the official typed.
/// </summary>
public sealed class CscSigner(IHttpClientFactory http, LocalEngineSigner engine, TimeProvider clock) : IDocumentSigner
{
    /// <summary>Name of the HttpClient the factory configures for CSC calls.</summary>
    public const string HttpClientName = "csc";

    public string Kind => SignerKinds.Csc;

    public bool NeedsSecret(SignerOptions profile) => true;

    // Whose certificate comes from our configuration, never from the service's answer.
    public ExpectedCertificate Expected(string name, SignerOptions profile) => ExpectedOf(profile);

    /// <summary>The certificate a CSC profile's signatures must carry.</summary>
    public static ExpectedCertificate ExpectedOf(SignerOptions profile) =>
        new() { Sha256 = profile.CertificateSha256, Nik = profile.Nik, Email = profile.Email };

    /// <summary>A client for the profile's service and credential.</summary>
    public static CscClient ClientFor(IHttpClientFactory http, SignerOptions profile) =>
        new(http.CreateClient(HttpClientName), profile.Csc, profile.CredentialId);

    public async Task<SentBytes?> SignAsync(SigningRequest request, SignerOptions profile, CancellationToken ct)
    {
        var secret = request.Secret ?? throw new InvalidOperationException(
            "penanda tangan CSC memerlukan PIN/OTP pejabat saat persetujuan / a CSC signer needs the official's PIN or OTP at approval");
        var client = ClientFor(http, profile);
        var credential = await client.CredentialAsync(ct);
        Pdf.Keys.Pkcs12DigestSigner.EnsureValidAt(credential.Chain[0], clock.GetUtcNow());
        await engine.SignWithAsync(request, new CscDigestSigner(client, credential, secret, CscOptionsValidator.SecretOf(profile)), ct);
        // The service saw only a hash.
        return null;
    }
}
