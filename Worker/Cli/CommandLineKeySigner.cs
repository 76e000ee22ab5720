using System.Security.Cryptography;
using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Signing;

namespace Worker.Cli;

/// <summary>
/// <c>sign --signer NAME</c> with a key this machine holds (Kind Pkcs12 or Pkcs11), behind the signing port: the command
/// line's engine options and stamp, the key opened before the first file.
/// </summary>
internal sealed class CommandLineKeySigner(CommandLineEngine engine, IDigestSigner key)
    : IDocumentSigner
{
    // The port maps Pkcs11 onto the local engine's kind.
    public string Kind => SignerKinds.Pkcs12;

    public bool NeedsSecret(SignerOptions profile) => false;

    public ExpectedCertificate Expected(string name, SignerOptions profile) => new()
    {
        Sha256 = profile.CertificateSha256.Length > 0 ? profile.CertificateSha256 : Convert.ToHexString(SHA256.HashData(key.Chain[0].RawData)),
    };

    public async Task<SentBytes?> SignAsync(SigningRequest request, SignerOptions profile, CancellationToken ct)
    {
        // The engine only demands an intact signature; trust is the port's check, whose refusal names the setting to fix.
        await engine.SignAsync(request.InputPath, request.OutputPath, key, request.Step.Name, request.Step.JobTitle, trust: null, ct);
        return null;
    }
}
