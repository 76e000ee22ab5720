using Worker.Pdf.Revisions;
using Worker.Pdf.Verification;

namespace Worker.Verification;

/// <summary>The upload result's plain words when a signature does not cover the whole file.</summary>
public static class SignedRevisionNote
{
    /// <summary>An HTML fragment (empty when the signature covers the whole file); holds only numbers and fixed text.</summary>
    public static string Html(SignatureVerification s) => s.CoversWholeFile
        ? ""
        : "<br><strong>Tanda tangan ini tidak mencakup seluruh berkas</strong>: berkas diubah setelah ditandatangani" +
          (SignedRevisions.End(s) is { } end ? $" (yang ditandatangani hanya byte 0 sampai {end:N0})" : "") +
          ". / <strong>This signature does not cover the whole file</strong>: the file was changed after it was signed" +
          (SignedRevisions.End(s) is { } e ? $" (only bytes 0 to {e:N0} were signed)" : "") +
          ".";
}
