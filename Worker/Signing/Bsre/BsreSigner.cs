using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;
using Worker.Pdf.Stamp;

namespace Worker.Signing.Bsre;

/// <summary>
/// BSrE's Esign Client Service (Kind Bsre): the official's key stays at BSrE; we send the PDF with their NIK (or email)
/// and the passphrase or TOTP code they typed, and get the signed PDF back. Whether it is an incremental update of our
/// bytes is checked by the port, never assumed. BSrE draws only a picture, so the picture is our TTE stamp, and the
/// footnote goes in a revision of ours before BSrE signs (the signer returns what it sent, for the port's check).
/// </summary>
public sealed class BsreSigner(IHttpClientFactory http, IOptions<WorkerOptions> options, TimeProvider clock) : IDocumentSigner, IBatchSigner
{
    /// <summary>Name of the HttpClient the factory configures for BSrE calls.</summary>
    public const string HttpClientName = "bsre";

    public string Kind => SignerKinds.Bsre;

    public bool NeedsSecret(SignerOptions profile) => true;

    public ExpectedCertificate Expected(string name, SignerOptions profile) =>
        new() { Sha256 = profile.CertificateSha256, Nik = profile.Nik, Email = profile.Email };

    /// <summary>A client for the profile's service, in the API version it speaks.</summary>
    public IBsreClient Client(SignerOptions profile)
    {
        // An answer holds the files base64-encoded (4/3) plus a little JSON.
        var transport = new BsreHttp(http.CreateClient(HttpClientName), profile.Bsre,
            (options.Value.Intake.MaxFileBytes * 3 / 2 + 1024 * 1024) * Math.Max(1, profile.Bsre.BatchSize));
        return profile.Bsre.Api == "V1" ? new BsreV1Client(transport) : new BsreClient(transport);
    }

    public async Task<SentBytes?> SignAsync(SigningRequest request, SignerOptions profile, CancellationToken ct)
    {
        var secret = request.Secret ?? throw new InvalidOperationException(
            "penanda tangan BSrE memerlukan passphrase pejabat saat persetujuan / a BSrE signer needs the official's passphrase at approval");
        var (input, signature) = await PrepareAsync(request, ct);
        var signed = await Client(profile).SignPdfAsync(BsreIdentity.Of(profile), secret, [input], [signature], ct);
        await File.WriteAllBytesAsync(request.OutputPath, signed[0], ct);
        return SentBytes.Of(input);
    }

    public async Task<IReadOnlyList<BatchSignerResult>> SignBatchAsync(
        IReadOnlyList<SigningRequest> requests, SignerOptions profile, PersonalSecret secret, CancellationToken ct)
    {
        var results = new BatchSignerResult[requests.Count];
        // v1 signs one file per call.
        var size = profile.Bsre.Api == "V1" ? 1 : profile.Bsre.BatchSize;
        var client = Client(profile);
        for (var start = 0; start < requests.Count; start += size)
        {
            var chunk = new List<int>();
            var inputs = new List<byte[]>();
            var signatures = new List<BsreSignature>();
            for (var i = start; i < Math.Min(start + size, requests.Count); i++)
            {
                try
                {
                    var (input, signature) = await PrepareAsync(requests[i], ct);
                    chunk.Add(i);
                    inputs.Add(input);
                    signatures.Add(signature);
                }
                catch (Exception e) when (e is Pdf.PdfRefusedException or InvalidOperationException)
                {
                    // This document cannot be stamped (its stamp does not fit, no picture); the others still sign.
                    results[i] = new BatchSignerResult { Error = e.Message };
                }
            }
            if (chunk.Count == 0) continue;
            try
            {
                var signed = await client.SignPdfAsync(BsreIdentity.Of(profile), secret, inputs, signatures, ct);
                for (var k = 0; k < chunk.Count; k++)
                {
                    await File.WriteAllBytesAsync(requests[chunk[k]].OutputPath, signed[k], ct);
                    results[chunk[k]] = new BatchSignerResult { Sent = SentBytes.Of(inputs[k]) };
                }
            }
            catch (BsreException e) when (e.Failure is not (BsreFailure.WrongPassphrase or BsreFailure.ClientRejected))
            {
                // This chunk's documents failed; the others may still sign under the same secret.
                foreach (var i in chunk) results[i] = new BatchSignerResult { Error = e.Message };
            }
        }
        return results;
    }

    // BSrE's signature is the only one, so BSrE draws the stamp: our TTE stamp as a picture, where our engine would put it
    // (the route's position or the anchor, stacked by StampIndex). The file sent is the approved bytes plus our footnote.
    private async Task<(byte[] File, BsreSignature Signature)> PrepareAsync(SigningRequest request, CancellationToken ct)
    {
        var layout = StampedSignature.Create(RequestStamp.Content(request, options.Value, clock.GetUtcNow()), RequestStamp.Placement(request), request.InputPath);
        StampPicture? picture;
        byte[] file;
        await using (var input = new FileStream(request.InputPath, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            using var pdf = PdfStructure.Open(input);
            picture = StampPicture.For(pdf, layout.Visible);
            using var sent = new MemoryStream();
            var footnote = picture is not null && FootnoteRevision.Write(pdf, input, sent, layout.Visible);
            // The port checks BSrE's answer against exactly these bytes, as the signer returns them.
            file = footnote ? sent.ToArray() : await File.ReadAllBytesAsync(request.InputPath, ct);
        }
        var stamp = picture is null ? null : new BsreStamp
        {
            Page = picture.PageNumber, X = picture.Rect.Left, Y = picture.Rect.Bottom, Width = picture.Rect.Width, Height = picture.Rect.Height,
            Png = await StampImage.PngAsync(picture.Pdf, request.OutputPath + ".stamp", ct),
        };
        var signature = new BsreSignature
        {
            Reason = request.Reason, Location = options.Value.Location, ContactInfo = request.Step.Email, Stamp = stamp,
        };
        return (file, signature);
    }
}
