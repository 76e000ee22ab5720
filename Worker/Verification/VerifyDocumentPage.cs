using System.Text;
using Worker.Notifications;
using Worker.Persistence;
using static Worker.Verification.VerifyPage;

namespace Worker.Verification;

/// <summary>
/// /verify/{id}, the QR code's target: what a citizen can hold against the paper letter (number, title, signer, position,
/// date in WITA, and the first page as it was signed), then the document's history.
/// </summary>
public static class VerifyDocumentPage
{
    /// <summary>The sentence that makes the image useful: the paper must match it.</summary>
    public const string Comparison = "Jika isi surat Anda berbeda dari gambar ini, surat itu tidak sah.";

    /// <summary>The same in English.</summary>
    public const string ComparisonEn = "If the content of your letter differs from this image, the letter is not valid.";

    /// <summary>The page; <paramref name="imageUrl"/> is null when there is no first-page image to show.</summary>
    public static string Render(VerificationRecord d, IReadOnlyList<AuditEntry> history, TimeZoneInfo zone, string? imageUrl, string nonce)
    {
        var b = Open("Verifikasi dokumen / Document verification", nonce);
        var filed = d.State == DocumentState.Filed;
        // A QR code can be copied onto a forged letter, so this page describes the archived document and asks for a comparison.
        b.Append(filed
            ? "<p class=\"info\">Arsip mencatat dokumen berikut sebagai ditandatangani secara elektronik. / The archive records the following document as signed electronically.</p>" +
              "<p class=\"info\"><strong>Jika isi surat Anda berbeda dari dokumen arsip ini, surat itu tidak sah.</strong> Berkas PDF dapat diperiksa persis di bawah. / " +
              "If your letter differs from this archived document, it is not valid. A PDF file can be checked exactly below.</p>"
            : $"<p class=\"warn\">Dokumen ini belum selesai ditandatangani (status: {E(d.State.ToString())}). / This document is not signed yet (state: {E(d.State.ToString())}).</p>");
        b.Append("<dl>");
        Row(b, "Nomor surat / Letter number", d.Number ?? "—");
        Row(b, "Judul / Title", d.Title);
        var signers = d.Approvers.Where(a => a.SignedAt is not null).ToList();
        foreach (var a in signers)
        {
            Row(b, "Penandatangan / Signer", a.Name);
            Row(b, "Jabatan / Position", a.Position);
            Row(b, "Tanggal / Date", LocalTime.Format(a.SignedAt!.Value, zone, "id"));
        }
        if (signers.Count == 0 && d.FiledAt is { } at) Row(b, "Diarsipkan / Filed", LocalTime.Format(at, zone, "id"));
        if (d.SignedSha256 is { } sha) Row(b, "SHA-256 berkas bertanda tangan / of the signed file", sha, code: true);
        b.Append("</dl>");
        if (filed) FirstPage(b, imageUrl);
        b.Append("<h2>Persetujuan / Approvals</h2><ul>");
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

    private static void FirstPage(StringBuilder b, string? imageUrl)
    {
        b.Append("<h2>Halaman pertama yang ditandatangani / First page as signed</h2>");
        // Without an image there is nothing to compare with here; the page's first paragraph points at the archived PDF instead.
        if (imageUrl is null)
        {
            b.Append("<p class=\"warn\" id=\"no-image\">Gambar tidak tersedia; bandingkan surat Anda dengan berkas PDF arsip. / Image not available; compare your letter with the archived PDF.</p>");
            return;
        }
        b.Append($"<img class=\"page\" id=\"first-page\" src=\"{E(imageUrl)}\" alt=\"Halaman pertama surat / First page of the letter\">");
        b.Append($"<p id=\"comparison\"><strong>{E(Comparison)}</strong><br>{E(ComparisonEn)}</p>");
    }
}
