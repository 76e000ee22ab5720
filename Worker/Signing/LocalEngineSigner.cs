using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Pades;
using Worker.Pdf.Stamp;
using Worker.Pdf.Verification;
using Worker.Persistence;
using Worker.Signing.Keys;

namespace Worker.Signing;

/// <summary>Our own PAdES engine with a key this worker holds (Kind Pkcs12 or Pkcs11): stamp, CMS and timestamp made here.</summary>
public sealed partial class LocalEngineSigner(
    SignerKeys keys, TimestampSource timestamps, TrustAnchorSource trust, IOptions<WorkerOptions> options, TimeProvider clock,
    ILogger<LocalEngineSigner> logger, IStampNoteRecorder stampNotes) : IDocumentSigner
{
    public string Kind => SignerKinds.Pkcs12;

    public bool NeedsSecret(SignerOptions profile) => false;

    public ExpectedCertificate Expected(string name, SignerOptions profile) => new()
    {
        Sha256 = profile.CertificateSha256.Length > 0
            ? profile.CertificateSha256
            // The provider opens synchronously (its ValueTask is complete), so waiting here blocks nothing.
            : Convert.ToHexString(SHA256.HashData(keys.OpenAsync(name, CancellationToken.None).AsTask().GetAwaiter().GetResult().Chain[0].RawData)),
    };

    public async Task<SentBytes?> SignAsync(SigningRequest request, SignerOptions profile, CancellationToken ct)
    {
        await SignWithAsync(request, await keys.OpenAsync(request.Step.Signer, ct), ct);
        return null;
    }

    /// <summary>Our engine's PAdES signature with <paramref name="key"/>, wherever it is (a remote CSC key too): stamp, CMS, timestamp, self-check.</summary>
    public async Task SignWithAsync(SigningRequest request, Pdf.Keys.IDigestSigner key, CancellationToken ct)
    {
        var step = request.Step;
        var now = clock.GetUtcNow();
        var layout = StampedSignature.Create(RequestStamp.Content(request, options.Value, now), RequestStamp.Placement(request), request.InputPath);
        if (layout.Note is { } placed) LogStampLeftOut(request.DocumentId, placed);
        var result = await PdfSigner.SignAsync(new PdfSignRequest
        {
            InputPath = request.InputPath,
            OutputPath = request.OutputPath,
            Signer = key,
            Reason = request.Reason,
            Location = options.Value.Location,
            Name = step.Name,
            ContactInfo = step.Email,
            SigningTime = now,
            Visible = layout.Visible,
            TimeStamper = timestamps.Stamper(),
            TrustAnchors = trust.Load(),
        }, ct);
        if (result.StampNote is { } note)
        {
            LogStampLeftOut(request.DocumentId, note);
            // The filed letter looks different from what the route asks for: its trail says so, not only the log.
            await stampNotes.RecordStampNoteAsync(request.DocumentId, note, clock.GetUtcNow(), ct);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId}: {Note}")]
    private partial void LogStampLeftOut(Guid documentId, string note);
}
