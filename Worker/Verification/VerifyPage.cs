using System.Net;
using System.Text;
using Worker.Notifications;
using Worker.Pdf.Verification;
using Worker.Persistence;

namespace Worker.Verification;

/// <summary>The HTML of /verify: phone-friendly, self-contained (no CDN), bilingual.</summary>
public static class VerifyPage
{
    internal static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Upload(string? fileName, Guid? match, VerificationRecord? matched, IReadOnlyList<SignatureVerification> signatures,
        string? problem, TimeZoneInfo zone, string nonce)
    {
        var b = Open("Periksa berkas / Check a file", nonce);
        if (problem is not null) b.Append($"<p class=\"warn\">{E(problem)}</p>");
        else
        {
            b.Append($"<p>Berkas / File: <strong>{E(fileName)}</strong></p>");
            b.Append(match is { } id && matched is not null
                ? $"<p class=\"ok\">✔ Sama persis dengan dokumen arsip / Byte-identical to the archived document: <a href=\"/verify/{id}\">{E(matched.Title)}</a>" +
                  $"{(matched.FiledAt is { } at ? ", " + E(LocalTime.Format(at, zone, "id")) : "")}</p>"
                : "<p class=\"warn\">✘ Tidak sama dengan dokumen mana pun di arsip. / Not identical to any archived document.</p>");
            b.Append("<h2>Tanda tangan / Signatures</h2>");
            if (signatures.Count == 0) b.Append("<p class=\"warn\">Tidak ada tanda tangan. / No signatures.</p>");
            b.Append("<ul>");
            foreach (var s in signatures)
                b.Append($"<li class=\"{(s.IsValid ? "ok" : "warn")}\">{E(s.SignerName ?? s.FieldName)}: {(s.IsValid ? "sah / valid" : "TIDAK SAH / INVALID — " + E(s.Summary))}" +
                         $"{(s.SigningTime is { } t ? ", " + E(LocalTime.Format(t, zone, "id")) : "")}{SignedRevisionNote.Html(s)}</li>");
            b.Append("</ul>");
        }
        UploadForm(b);
        return Close(b);
    }

    public static string NotFound(string nonce)
    {
        var b = Open("Verifikasi dokumen / Document verification", nonce);
        b.Append("<p class=\"warn\">Dokumen tidak ditemukan. / Document not found.</p>");
        UploadForm(b);
        return Close(b);
    }

    internal static void UploadForm(StringBuilder b) => b.Append(
        "<h2>Periksa berkas PDF / Check a PDF file</h2>" +
        "<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\">" +
        "<input type=\"file\" name=\"file\" accept=\"application/pdf\" required> <button type=\"submit\">Periksa / Check</button></form>");

    internal static void Row(StringBuilder b, string term, string value, bool code = false) =>
        b.Append($"<dt>{E(term)}</dt><dd>{(code ? $"<code>{E(value)}</code>" : E(value))}</dd>");

    internal static StringBuilder Open(string title, string nonce) => new StringBuilder()
        .Append($"<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)}</title>")
        .Append($"<style nonce=\"{nonce}\">body{{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1c1c1c}}main{{max-width:40rem;margin:auto;padding:1rem;background:#fff}}" +
                "dt{font-weight:600;margin-top:.6rem}dd{margin:0}code{word-break:break-all;font-size:.85rem}.ok{color:#26734d}.warn{color:#a51d2d}" +
                "h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.4rem}button{padding:.5rem 1rem}img.page{display:block;width:100%;height:auto;border:1px solid #ccd}</style></head><body><main>")
        .Append($"<h1>{E(title)}</h1>");

    internal static string Close(StringBuilder b) => b.Append("</main></body></html>").ToString();
}
