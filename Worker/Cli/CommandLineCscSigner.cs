using Worker.Configuration;
using Worker.Pdf.Keys;
using Worker.Signing;
using Worker.Signing.Csc;

namespace Worker.Cli;

/// <summary>
/// <c>sign --signer NAME</c> with a CSC credential, behind the signing port: the worker's CSC calls (credentials/info,
/// authorize with the PIN or OTP typed now, signHash) under the command line's engine options and stamp.
/// </summary>
internal sealed class CommandLineCscSigner(CommandLineEngine engine, IHttpClientFactory http)
    : IDocumentSigner
{
    public string Kind => SignerKinds.Csc;

    public bool NeedsSecret(SignerOptions profile) => true;

    // Whose certificate comes from our configuration, never from the service's answer.
    public ExpectedCertificate Expected(string name, SignerOptions profile) => CscSigner.ExpectedOf(profile);

    public async Task<SentBytes?> SignAsync(SigningRequest request, SignerOptions profile, CancellationToken ct)
    {
        var secret = request.Secret ?? throw new InvalidOperationException("a CSC signer needs the official's PIN or OTP");
        var client = CscSigner.ClientFor(http, profile);
        var credential = await client.CredentialAsync(ct);
        Pkcs12DigestSigner.EnsureValidAt(credential.Chain[0], DateTimeOffset.UtcNow);
        var key = new CscDigestSigner(client, credential, secret, CscOptionsValidator.SecretOf(profile));
        // The engine only demands an intact signature; trust is the port's check, whose refusal names the setting to fix.
        await engine.SignAsync(request.InputPath, request.OutputPath, key, request.Step.Name, request.Step.JobTitle, trust: null, ct);
        // The service saw only a hash.
        return null;
    }
}
