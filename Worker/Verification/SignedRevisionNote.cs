using Worker.Pdf.Revisions;
using Worker.Pdf.Verification;

namespace Worker.Verification;

/// <summary>The upload result's plain words when a signature does not cover the whole file, and the button for the bytes it signed.</summary>
public static class SignedRevisionNote
{
    /// <summary>
    /// An HTML fragment (empty when the signature covers the whole file); holds only numbers, a hex hash and fixed text.
    /// <paramref name="number"/> counts signatures as <c>verify --extract-revision</c> does (1 = oldest).
    /// </summary>
    public static string Html(SignatureVerification s, int number, string sha256)
    {
        if (s.CoversWholeFile) return "";
        var end = SignedRevisions.End(s);
        return "<br><strong>Tanda tangan ini tidak mencakup seluruh berkas</strong>: berkas diubah setelah ditandatangani" +
               (end is { } e1 ? $" (yang ditandatangani hanya byte 0 sampai {e1:N0})" : "") +
               ". / <strong>This signature does not cover the whole file</strong>: the file was changed after it was signed" +
               (end is { } e2 ? $" (only bytes 0 to {e2:N0} were signed)" : "") +
               "." + (end is null ? "" : Form(number, sha256));
    }

    // The upload is not kept, so the button sends the file again; the hash makes sure it is the same file.
    private static string Form(int number, string sha256) =>
        "<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\" class=\"revision\">" +
        $"<input type=\"hidden\" name=\"{SignedRevisionDownload.Field}\" value=\"{number}\">" +
        $"<input type=\"hidden\" name=\"{SignedRevisionDownload.HashField}\" value=\"{VerifyPage.E(sha256)}\">" +
        $"<label>Unduh persis yang ditandatangani (revisi {number}): pilih lagi berkas yang sama, karena berkas tidak disimpan di server. / " +
        $"Download exactly what was signed (revision {number}): choose the same file again, as it is not kept on the server. " +
        "<input type=\"file\" name=\"file\" accept=\"application/pdf\" required></label> " +
        $"<button type=\"submit\">Unduh revisi {number} / Download revision {number}</button></form>";
}
