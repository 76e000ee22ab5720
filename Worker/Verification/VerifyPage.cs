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

    /// <summary>/verify/{id}: what the archive holds, to compare with the letter in hand; it never vouches for that letter.</summary>
    public static string Document(VerificationRecord d, IReadOnlyList<AuditEntry> history, TimeZoneInfo zone, string nonce)
    {
        var b = Open("Verifikasi dokumen / Document verification", nonce);
        // A QR code can be copied onto a forged letter, so this page describes the archived document and asks for a comparison.
        b.Append(d.State == DocumentState.Filed
            ? "<p class=\"info\">Arsip mencatat dokumen berikut sebagai ditandatangani secara elektronik. / The archive records the following document as signed electronically.</p>" +
              "<p class=\"info\"><strong>Jika isi surat Anda berbeda dari dokumen arsip ini, surat itu tidak sah.</strong> Berkas PDF dapat diperiksa persis di bawah. / " +
              "If your letter differs from this archived document, it is not valid. A PDF file can be checked exactly below.</p>"
            : $"<p class=\"warn\">Dokumen ini belum selesai ditandatangani (status: {E(d.State)}). / This document is not signed yet (state: {E(d.State)}).</p>");
        b.Append("<dl>");
        Row(b, "Judul / Title", d.Title);
        Row(b, "Nomor / Number", d.Number ?? "—");
        Row(b, "Status / State", d.State);
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
        UploadForm(b, d.Id);
        return Close(b);
    }

    /// <summary>POST /verify: whether the bytes are an archived file, and the verdict on each signature.</summary>
    public static string Upload(UploadCheck check, TimeZoneInfo zone, string nonce)
    {
        var b = Open("Periksa berkas / Check a file", nonce);
        b.Append($"<p>Berkas / File: <strong>{E(check.FileName)}</strong></p>");
        ArchiveMatch(b, check, zone);
        b.Append("<h2>Tanda tangan / Signatures</h2>");
        if (check.Signatures.Count == 0) b.Append($"<p class=\"warn\">✘ Tidak ada tanda tangan: {VerdictWords.Invalid}. / No signatures.</p>");
        b.Append("<ul>");
        foreach (var s in check.Signatures) Signature(b, s, zone);
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

    private static void Signature(StringBuilder b, SignatureVerification s, TimeZoneInfo zone)
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
        if (s.Notes.Count > 0)
        {
            b.Append("<ul class=\"notes\">");
            foreach (var note in s.Notes) b.Append($"<li>{E(note)}</li>");
            b.Append("</ul>");
        }
        b.Append("</li>");
    }

    private static void UploadForm(StringBuilder b, Guid? id) => b.Append(
        "<h2>Periksa berkas PDF / Check a PDF file</h2>" +
        "<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\">" +
        (id is { } i ? $"<input type=\"hidden\" name=\"id\" value=\"{i}\">" : "") +
        "<input type=\"file\" name=\"file\" accept=\"application/pdf\" required> <button type=\"submit\">Periksa / Check</button></form>");

    private static void Row(StringBuilder b, string term, string value, bool code = false) =>
        b.Append($"<dt>{E(term)}</dt><dd>{(code ? $"<code>{E(value)}</code>" : E(value))}</dd>");

    private static StringBuilder Open(string title, string nonce) => new StringBuilder()
        .Append($"<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)}</title>")
        .Append($"<style nonce=\"{nonce}\">body{{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1c1c1c}}main{{max-width:40rem;margin:auto;padding:1rem;background:#fff}}" +
                "dt{font-weight:600;margin-top:.6rem}dd{margin:0}code{word-break:break-all;font-size:.85rem}.ok{color:#26734d}.warn{color:#a51d2d}.unknown{color:#8a5300}" +
                ".info{color:#1c3d6e}.notes{color:#555;font-size:.9rem}li{overflow-wrap:anywhere;margin:.3rem 0}" +
                "h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.4rem}button{padding:.5rem 1rem}</style></head><body><main>")
        .Append($"<h1>{E(title)}</h1>");

    private static string Close(StringBuilder b) => b.Append("</main></body></html>").ToString();
}
