using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Signing.Bsre;

/// <summary>
/// BSrE's Esign Client Service (Kind Bsre): the official's key stays at BSrE; we send the PDF with their NIK (or email)
/// and the passphrase or TOTP code they typed, and get the signed PDF back. Whether it is an incremental update of our
/// bytes is checked by the port, never assumed.
/// </summary>
public sealed class BsreSigner(IHttpClientFactory http, IOptions<WorkerOptions> options) : IDocumentSigner, IBatchSigner
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

    public async Task SignAsync(SigningRequest request, SignerOptions profile, CancellationToken ct)
    {
        var secret = request.Secret ?? throw new InvalidOperationException(
            "penanda tangan BSrE memerlukan passphrase pejabat saat persetujuan / a BSrE signer needs the official's passphrase at approval");
        var input = await File.ReadAllBytesAsync(request.InputPath, ct);
        var signed = await Client(profile).SignPdfAsync(BsreIdentity.Of(profile), secret, [input], [Signature(request)], ct);
        await File.WriteAllBytesAsync(request.OutputPath, signed[0], ct);
    }

    public async Task<IReadOnlyList<string?>> SignBatchAsync(
        IReadOnlyList<SigningRequest> requests, SignerOptions profile, PersonalSecret secret, CancellationToken ct)
    {
        var errors = new string?[requests.Count];
        // v1 signs one file per call.
        var size = profile.Bsre.Api == "V1" ? 1 : profile.Bsre.BatchSize;
        var client = Client(profile);
        for (var start = 0; start < requests.Count; start += size)
        {
            var chunk = requests.Skip(start).Take(size).ToList();
            try
            {
                var inputs = new List<byte[]>();
                foreach (var r in chunk) inputs.Add(await File.ReadAllBytesAsync(r.InputPath, ct));
                var signed = await client.SignPdfAsync(BsreIdentity.Of(profile), secret, inputs, [.. chunk.Select(Signature)], ct);
                for (var i = 0; i < chunk.Count; i++) await File.WriteAllBytesAsync(chunk[i].OutputPath, signed[i], ct);
            }
            catch (BsreException e) when (e.Failure is not (BsreFailure.WrongPassphrase or BsreFailure.ClientRejected))
            {
                // This chunk's documents failed; the others may still sign under the same secret.
                for (var i = 0; i < chunk.Count; i++) errors[start + i] = e.Message;
            }
        }
        return errors;
    }

    private BsreSignature Signature(SigningRequest request) => new()
    {
        Reason = request.Reason, Location = options.Value.Location, ContactInfo = request.Step.Email, Stamp = Stamp(request),
    };

    // BSrE's signature is the only one, so BSrE draws the stamp: our QR code to /verify/{id}, square, where the route's stamp goes.
    private BsreStamp Stamp(SigningRequest request)
    {
        var s = request.Stamp;
        var page = s.Page.Number ?? Pdf.Checking.PdfCheck.Check(request.InputPath).PageCount ?? 1;
        return new BsreStamp
        {
            Page = page, X = s.X, Y = s.Y + request.StampIndex * (s.Height + 6), Width = s.Height, Height = s.Height,
            Png = Pdf.Stamp.QrImage.Png(VerifyLink.For(options.Value.PublicBaseUrl, request.DocumentId)),
        };
    }
}
