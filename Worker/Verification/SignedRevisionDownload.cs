using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Worker.Pdf;
using Worker.Pdf.Revisions;
using Worker.Pdf.Verification;

namespace Worker.Verification;

/// <summary>
/// POST /verify with <c>revision=N</c>: the exact bytes signature N (1 = oldest) signed, as a download, cut by the same code
/// as <c>verify --extract-revision N OUT</c>. The upload is not kept, so the page's button asks for the same file again.
/// </summary>
public static class SignedRevisionDownload
{
    /// <summary>The form field that asks for a revision instead of the check page.</summary>
    public const string Field = "revision";

    /// <summary>The form field holding the SHA-256 of the file the page checked, so another file is not cut by mistake.</summary>
    public const string HashField = "sha256";

    /// <summary>The answer: the revision as <c>application/pdf</c>, or a one-line 400 saying why not (Indonesian / English).</summary>
    public static Results<FileStreamHttpResult, ContentHttpResult> Answer(HttpContext http, string upload, string uploadSha256, string fileName,
        string? number, string? expectedSha256, IReadOnlyList<SignatureVerification> signatures)
    {
        if (!string.IsNullOrEmpty(expectedSha256) && !string.Equals(expectedSha256, uploadSha256, StringComparison.OrdinalIgnoreCase))
            return Plain("Ini bukan berkas yang diperiksa tadi: pilih berkas yang sama. / This is not the file that was checked: choose the same file.");
        var count = SignedRevisions.OldestFirst(signatures).Count;
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > count)
            return Plain($"Tidak ada revisi bertanda tangan nomor {number}: berkas ini memiliki {count} tanda tangan. / " +
                         $"There is no signed revision {number}: this file has {count} signature(s).");
        var output = upload + $".revisi-{n}";
        try
        {
            SignedRevisions.Extract(upload, signatures, n, output);
        }
        catch (PdfRefusedException)
        {
            File.Delete(output);
            return Plain($"Tanda tangan {n} tidak menunjuk revisi berkas ini. / Signature {n} does not describe a revision of this file.");
        }
        // Deleted when the response has been sent: nothing of the upload stays on the server.
        var stream = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Name(fileName, n)}\"";
        return TypedResults.Stream(stream, "application/pdf");
    }

    /// <summary>"&lt;name&gt;-revisi-N.pdf" from the uploaded name, kept to ASCII letters, digits, '-' and '_' (a header value, not a path).</summary>
    public static string Name(string uploaded, int number)
    {
        var stem = Path.GetFileNameWithoutExtension(uploaded.Replace('\\', '/').Split('/')[^1]);
        var safe = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        if (safe.Length > 80) safe = safe[..80];
        return $"{(safe.Trim('_').Length == 0 ? "berkas" : safe)}-revisi-{number}.pdf";
    }

    private static ContentHttpResult Plain(string line) => TypedResults.Text(line + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
