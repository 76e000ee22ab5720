using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Pdf.Checking;
using Worker.Pdf.Verification;
using Worker.Persistence;
using Worker.Web;

namespace Worker.Verification;

/// <summary>/verify/{id} (the QR code's target) and POST /verify (is this file the archived one, and are its signatures valid?).</summary>
public static class VerifyEndpoints
{
    public const string RateLimitPolicy = "verify-per-client";

    /// <summary>The last path segment of a document's first-page image.</summary>
    public const string PageImageName = "halaman-1.png";

    public static WebApplication MapVerification(this WebApplication app)
    {
        var group = app.MapGroup("/verify").RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(SecurityHeaders.AddAsync);
        group.MapGet("/", (HttpContext http) => HtmlResponses.Html(http, 200, VerifyPage.NotFound));
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/" + PageImageName, GetPageImageAsync);
        group.MapPost("/", PostAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<ContentHttpResult> GetAsync(string id, HttpContext http, VerificationStore store, DocumentQueries queries,
        IOptions<WorkerOptions> options, CancellationToken ct)
    {
        var record = Guid.TryParse(id, out var guid) ? await store.FindAsync(guid, ct) : null;
        if (record is null) return HtmlResponses.Html(http, StatusCodes.Status404NotFound, VerifyPage.NotFound);
        var history = await queries.AuditTrailAsync(guid, ct);
        var image = File.Exists(PageImages.PathFor(options.Value.DataDirectory, guid)) ? $"/verify/{guid}/{PageImageName}" : null;
        return HtmlResponses.Html(http, 200, nonce => VerifyDocumentPage.Render(record, history, options.Value.OfficeHours.Zone(), image, nonce));
    }

    /// <summary>The first page of a filed document as rendered at filing time; 404 for any other document.</summary>
    private static async Task<Results<PhysicalFileHttpResult, NotFound>> GetPageImageAsync(string id, VerificationStore store,
        IOptions<WorkerOptions> options, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid) || await store.FindAsync(guid, ct) is not { State: DocumentState.Filed }) return TypedResults.NotFound();
        var path = PageImages.PathFor(options.Value.DataDirectory, guid);
        return File.Exists(path) ? TypedResults.PhysicalFile(path, "image/png") : TypedResults.NotFound();
    }

    private static async Task<Results<FileStreamHttpResult, ContentHttpResult>> PostAsync(HttpContext http, VerificationStore store, VerificationPolicies policies,
        IOptions<OfficeHoursOptions> officeHours, IOptions<IntakeOptions> intake, ParseSlots parses, CancellationToken ct)
    {
        var zone = officeHours.Value.Zone();
        var limit = intake.Value.MaxFileBytes;
        if (http.Request.ContentLength > limit + 64 * 1024 || !http.Request.HasFormContentType)
            return Refuse(http, StatusCodes.Status413PayloadTooLarge, $"Berkas terlalu besar (maks. {limit / 1024 / 1024} MB). / File too large.", zone);
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files["file"];
        if (file is null || file.Length == 0) return Refuse(http, 400, "Pilih berkas PDF. / Choose a PDF file.", zone);
        if (file.Length > limit) return Refuse(http, 413, $"Berkas terlalu besar (maks. {limit / 1024 / 1024} MB). / File too large.", zone);

        var temp = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}.pdf");
        try
        {
            string sha256;
            await using (var output = File.Create(temp))
            {
                await file.CopyToAsync(output, ct);
                output.Position = 0;
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(output, ct));
            }
            // Only the bytes decide which archived document this is; the id of the page it was sent from never does.
            var match = await store.FindBySignedSha256Async(sha256, ct);
            var matched = match is { } m ? await store.FindAsync(m, ct) : null;
            Guid? expected = Guid.TryParse(form["id"], out var from) ? from : null;
            IReadOnlyList<SignatureVerification> signatures;
            using var slot = await parses.TryEnterAsync(ct);
            if (slot is null) return Busy(http, zone);
            try { signatures = await PdfSignatureVerifier.VerifyAsync(temp, policies.Current(), ct); }
            catch (Pdf.PdfRefusedException)
            {
                return Refuse(http, 400, "Berkas tidak dapat dibaca sebagai PDF (rusak atau terenkripsi). / The file cannot be read as a PDF (damaged or encrypted).", zone);
            }
            if (form.ContainsKey(SignedRevisionDownload.Field))
                return SignedRevisionDownload.Answer(http, temp, sha256, file.FileName, form[SignedRevisionDownload.Field], form[SignedRevisionDownload.HashField], signatures);
            var upload = new UploadCheck { FileName = file.FileName, Sha256 = sha256, Matched = matched, ExpectedId = expected, Signatures = signatures };
            return HtmlResponses.Html(http, 200, nonce => VerifyPage.Upload(upload, zone, nonce));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static ContentHttpResult Busy(HttpContext http, TimeZoneInfo zone)
    {
        http.Response.Headers.RetryAfter = ParseSlots.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Refuse(http, StatusCodes.Status503ServiceUnavailable, ParseSlots.BusyMessage, zone);
    }

    private static ContentHttpResult Refuse(HttpContext http, int status, string problem, TimeZoneInfo zone) =>
        HtmlResponses.Html(http, status, nonce => VerifyPage.Refused(problem, nonce));
}
