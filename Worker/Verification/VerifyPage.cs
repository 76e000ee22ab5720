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

    /// <summary>POST /verify: whether the bytes are an archived file, and the verdict on each signature.</summary>
    public static string Upload(UploadCheck check, TimeZoneInfo zone, string nonce)
    {
        var b = Open("Periksa berkas / Check a file", nonce);
        b.Append($"<p>Berkas / File: <strong>{E(check.FileName)}</strong></p>");
        ArchiveMatch(b, check, zone);
        b.Append("<h2>Tanda tangan / Signatures</h2>");
        if (check.Signatures.Count == 0) b.Append($"<p class=\"warn\">✘ Tidak ada tanda tangan: {VerdictWords.Invalid}. / No signatures.</p>");
        b.Append("<ul>");
        // Numbered as verify --extract-revision counts them, whatever order the file lists them in.
        var oldestFirst = Worker.Pdf.Revisions.SignedRevisions.OldestFirst(check.Signatures).ToList();
        foreach (var s in check.Signatures) Signature(b, s, 1 + oldestFirst.FindIndex(o => ReferenceEquals(o, s)), check.Sha256, zone);
        b.Append("</ul>");
        UploadForm(b, check.ExpectedId);
        return Close(b);
    }

    public static string Refused(string problem, string nonce)
    {
        var b = Open("Periksa berkas / Check a file", nonce);
        b.Append($"<p class=\"warn\">{E(problem)}</p>");
        UploadForm(b, null);
        return Close(b);
    }

    public static string NotFound(string nonce)
    {
        var b = Open("Verifikasi dokumen / Document verification", nonce);
        b.Append("<p class=\"warn\">Dokumen tidak ditemukan. / Document not found.</p>");
        UploadForm(b, null);
        return Close(b);
    }

    private static void ArchiveMatch(StringBuilder b, UploadCheck check, TimeZoneInfo zone)
    {
        if (check.Matched is { } m)
        {
            b.Append($"<p class=\"ok\">✔ Sama persis dengan dokumen arsip / Byte-identical to the archived document: <a href=\"/verify/{m.Id}\">{E(m.Title)}</a>" +
                     $"{(m.FiledAt is { } at ? ", " + E(LocalTime.Format(at, zone, "id")) : "")}</p>");
            if (check.ExpectedId is { } expected && expected != m.Id)
                b.Append("<p class=\"warn\">✘ Tetapi bukan dokumen yang halamannya Anda buka. / But it is not the document whose page you came from.</p>");
            return;
        }
        b.Append(check.ExpectedId is not null
            ? "<p class=\"warn\">✘ Berkas ini tidak sama dengan dokumen arsip yang halamannya Anda buka: ini bukan surat yang diarsipkan. / " +
              "This file is not identical to the archived document whose page you came from: it is not the filed letter.</p>"
            : "<p class=\"warn\">✘ Tidak sama dengan dokumen mana pun di arsip. / Not identical to any archived document.</p>");
    }

    private static void Signature(StringBuilder b, SignatureVerification s, int number, string sha256, TimeZoneInfo zone)
    {
        var (css, mark) = s.Verdict switch
        {
            SignatureVerdict.Valid => ("ok", "✔"),
            SignatureVerdict.IntactUntrusted => ("unknown", "?"),
            _ => ("warn", "✘"),
        };
        b.Append($"<li class=\"{css}\">{mark} {E(s.SignerName ?? s.FieldName)}: <strong>{E(VerdictWords.For(s.Verdict))}</strong>");
        if (s.SigningTime is { } t)
            b.Append($", {E(LocalTime.Format(t, zone, "id"))} ({E(s.TimeIsClaimed ? VerdictWords.ClaimedTime : VerdictWords.TimestampedTime)})");
        if (!s.IsIntact) b.Append($"<br>{E(s.Summary)}");
        b.Append(SignedRevisionNote.Html(s, number, sha256));
        if (s.Notes.Count > 0)
        {
            b.Append("<ul class=\"notes\">");
            foreach (var note in s.Notes) b.Append($"<li>{E(note)}</li>");
            b.Append("</ul>");
        }
        b.Append("</li>");
    }

    internal static void UploadForm(StringBuilder b, Guid? id) => b.Append(
        "<h2>Periksa berkas PDF / Check a PDF file</h2>" +
        "<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\">" +
        (id is { } i ? $"<input type=\"hidden\" name=\"id\" value=\"{i}\">" : "") +
        "<input type=\"file\" name=\"file\" accept=\"application/pdf\" required> <button type=\"submit\">Periksa / Check</button></form>");

    internal static void Row(StringBuilder b, string term, string value, bool code = false) =>
        b.Append($"<dt>{E(term)}</dt><dd>{(code ? $"<code>{E(value)}</code>" : E(value))}</dd>");

    internal static StringBuilder Open(string title, string nonce) => new StringBuilder()
        .Append($"<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)}</title>")
        .Append($"<style nonce=\"{nonce}\">body{{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1c1c1c}}main{{max-width:40rem;margin:auto;padding:1rem;background:#fff}}" +
                "dt{font-weight:600;margin-top:.6rem}dd{margin:0}code{word-break:break-all;font-size:.85rem}.ok{color:#26734d}.warn{color:#a51d2d}.unknown{color:#8a5300}" +
                ".info{color:#1c3d6e}.notes{color:#555;font-size:.9rem}li{overflow-wrap:anywhere;margin:.3rem 0}" +
                "h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.4rem}button{padding:.5rem 1rem}img.page{display:block;width:100%;height:auto;border:1px solid #ccd}form.revision{margin:.5rem 0;font-size:.9rem}form.revision input{max-width:100%}</style></head><body><main>")
        .Append($"<h1>{E(title)}</h1>");

    internal static string Close(StringBuilder b) => b.Append("</main></body></html>").ToString();
}
