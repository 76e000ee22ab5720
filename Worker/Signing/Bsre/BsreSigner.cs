using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Signing.Bsre;

/// <summary>
/// BSrE's Esign Client Service (Kind Bsre): the official's key stays at BSrE; we send the PDF with their NIK (or email)
/// and the passphrase they typed, and get the signed PDF back. Whether it is an incremental update of our bytes is
/// checked by the port, never assumed.
/// </summary>
public sealed class BsreSigner(IHttpClientFactory http, IOptions<WorkerOptions> options) : IDocumentSigner
{
    /// <summary>Name of the HttpClient the factory configures for BSrE calls.</summary>
    public const string HttpClientName = "bsre";

    public string Kind => SignerKinds.Bsre;

    public bool NeedsSecret(SignerOptions profile) => true;

    public ExpectedCertificate Expected(string name, SignerOptions profile) =>
        new() { Sha256 = profile.CertificateSha256, Nik = profile.Nik, Email = profile.Email };

    /// <summary>A client for the profile's service.</summary>
    public BsreClient Client(SignerOptions profile) =>
        // An answer holds the file base64-encoded (4/3) plus a little JSON.
        new(http.CreateClient(HttpClientName), profile.Bsre, options.Value.Intake.MaxFileBytes * 3 / 2 + 1024 * 1024);

    public async Task SignAsync(SigningRequest request, SignerOptions profile, CancellationToken ct)
    {
        var secret = request.Secret ?? throw new InvalidOperationException(
            "penanda tangan BSrE memerlukan passphrase pejabat saat persetujuan / a BSrE signer needs the official's passphrase at approval");
        var input = await File.ReadAllBytesAsync(request.InputPath, ct);
        var who = new BsreIdentity { Nik = profile.Nik, Email = profile.Email };
        var signed = await Client(profile).SignPdfAsync(who, secret, [input], new BsreSignature
        {
            Reason = request.Reason, Location = options.Value.Location, ContactInfo = request.Step.Email, Stamp = Stamp(request),
        }, ct);
        await File.WriteAllBytesAsync(request.OutputPath, signed[0], ct);
    }

    // BSrE's signature is the only one, so BSrE draws the stamp: our QR code to /verify/{id}, square, where the route's stamp goes.
    private BsreStamp Stamp(SigningRequest request)
    {
        var s = request.Stamp;
        var page = s.Page == "last" ? Pdf.Checking.PdfCheck.Check(request.InputPath).PageCount ?? 1 : int.Parse(s.Page);
        return new BsreStamp
        {
            Page = page, X = s.X, Y = s.Y + request.StampIndex * (s.Height + 6), Width = s.Height, Height = s.Height,
            Png = Pdf.Stamp.QrImage.Png($"{options.Value.PublicBaseUrl.TrimEnd('/')}/verify/{request.DocumentId}"),
        };
    }
}
