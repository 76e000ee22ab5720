using Worker.Configuration;
using Worker.Signing;
using Worker.Signing.Bsre;

namespace Worker.Cli;

/// <summary>
/// <c>sign --signer NAME</c> with a BSrE signer, behind the signing port: the worker's BSrE client, with the passphrase
/// (or TOTP code) typed now. The signature is invisible: the worker's stamp carries a QR code to a document's
/// /verify/{id} page, and a file signed here has none.
/// </summary>
internal sealed class CommandLineBsreSigner(BsreSigner bsre, SignSettings settings, WorkerOptions options) : IDocumentSigner
{
    public string Kind => SignerKinds.Bsre;

    public bool NeedsSecret(SignerOptions profile) => true;

    public ExpectedCertificate Expected(string name, SignerOptions profile) => bsre.Expected(name, profile);

    public async Task<SentBytes?> SignAsync(SigningRequest request, SignerOptions profile, CancellationToken ct)
    {
        var secret = request.Secret ?? throw new InvalidOperationException("a BSrE signer needs the official's passphrase");
        var input = await File.ReadAllBytesAsync(request.InputPath, ct);
        var signature = new BsreSignature
        {
            Reason = settings.Reason ?? "", Location = settings.Location ?? options.Location, ContactInfo = settings.Contact ?? request.Step.Email,
        };
        var signed = await bsre.Client(profile).SignPdfAsync(BsreIdentity.Of(profile), secret, [input], [signature], ct);
        await File.WriteAllBytesAsync(request.OutputPath, signed[0], ct);
        return SentBytes.Of(input);
    }
}
