using System.Net;
using System.Text;
using Worker.Notifications;
using Worker.Pdf.Verification;
using Worker.Persistence;

namespace Worker.Verification;

/// <summary>The HTML of /verify: phone-friendly, self-contained (no CDN), bilingual.</summary>
public static class VerifyPage
{
    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static string Document(VerificationRecord d, IReadOnlyList<AuditEntry> history, TimeZoneInfo zone, string nonce)
    {
        var b = Open("Verifikasi dokumen / Document verification", nonce);
        var filed = d.State == DocumentState.Filed;
        b.Append(filed
            ? "<p class=\"ok\">✔ Dokumen ini ditandatangani secara elektronik dan tercatat di arsip. / This document was signed electronically and is on file.</p>"
            : $"<p class=\"warn\">Dokumen ini belum selesai ditandatangani (status: {E(d.State.ToString())}). / This document is not signed yet (state: {E(d.State.ToString())}).</p>");
        b.Append("<dl>");
        Row(b, "Judul / Title", d.Title);
        Row(b, "Nomor / Number", d.Number ?? "—");
        Row(b, "Status / State", d.State.ToString());
        Row(b, "Diterima / Received", LocalTime.Format(d.ReceivedAt, zone, "id"));
        if (d.FiledAt is { } at) Row(b, "Diarsipkan / Filed", LocalTime.Format(at, zone, "id"));
        if (d.SignedSha256 is { } sha) Row(b, "SHA-256 berkas bertanda tangan / of the signed file", sha, code: true);
        b.Append("</dl><h2>Penandatangan / Signers</h2><ul>");
        foreach (var a in d.Approvers)
        {
            var when = a.SignedAt ?? a.DecidedAt;
            var what = a.SignedAt is not null ? "ditandatangani / signed" : a.State;
            b.Append($"<li><strong>{E(a.Name)}</strong> — {E(a.Position)}<br>{E(what)}{(when is { } w ? ", " + E(LocalTime.Format(w, zone, "id")) : "")}</li>");
        }
        b.Append("</ul><h2>Riwayat / History</h2><ol>");
        // Only when and what: actors, addresses and details are for operators, not for whoever scans the QR code.
        foreach (var e in history) b.Append($"<li>{E(LocalTime.Format(e.Event.At, zone, "id"))} — {E(e.Event.Action)}</li>");
        b.Append("</ol>");
        UploadForm(b);
        return Close(b);
    }

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
                         $"{(s.SigningTime is { } t ? ", " + E(LocalTime.Format(t, zone, "id")) : "")}</li>");
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

    private static void UploadForm(StringBuilder b) => b.Append(
        "<h2>Periksa berkas PDF / Check a PDF file</h2>" +
        "<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\">" +
        "<input type=\"file\" name=\"file\" accept=\"application/pdf\" required> <button type=\"submit\">Periksa / Check</button></form>");

    private static void Row(StringBuilder b, string term, string value, bool code = false) =>
        b.Append($"<dt>{E(term)}</dt><dd>{(code ? $"<code>{E(value)}</code>" : E(value))}</dd>");

    private static StringBuilder Open(string title, string nonce) => new StringBuilder()
        .Append($"<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)}</title>")
        .Append($"<style nonce=\"{nonce}\">body{{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1c1c1c}}main{{max-width:40rem;margin:auto;padding:1rem;background:#fff}}" +
                "dt{font-weight:600;margin-top:.6rem}dd{margin:0}code{word-break:break-all;font-size:.85rem}.ok{color:#26734d}.warn{color:#a51d2d}" +
                "h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.4rem}button{padding:.5rem 1rem}</style></head><body><main>")
        .Append($"<h1>{E(title)}</h1>");

    private static string Close(StringBuilder b) => b.Append("</main></body></html>").ToString();
}
