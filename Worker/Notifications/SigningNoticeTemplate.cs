namespace Worker.Notifications;

/// <summary>The "filed" and "failed" notices to a submitter, Indonesian first then English.</summary>
public static class SigningNoticeTemplate
{
    public static MailContent Render(SigningNoticeMail m)
    {
        var who = string.Join(", ", m.Signers);
        var subject = m.Filed ? $"Dokumen ditandatangani / Document signed: {m.Title}" : $"Penandatanganan gagal / Signing failed: {m.Title}";
        var id = m.Filed
            ? $"Dokumen berikut telah ditandatangani secara elektronik oleh {who} dan diarsipkan pada {LocalTime.Format(m.At, m.TimeZone, "id")}."
            : $"Dokumen berikut sudah disetujui, tetapi penandatanganannya gagal ({LocalTime.Format(m.At, m.TimeZone, "id")}). " +
              (m.OperatorsTold ? "Operator sudah diberi tahu dan akan mengulanginya." : "Operator dapat melihatnya di dasbor; hubungi operator bila perlu cepat.");
        var en = m.Filed
            ? $"The document below was signed electronically by {who} and filed on {LocalTime.Format(m.At, m.TimeZone, "en")}."
            : $"The document below was approved, but signing it failed ({LocalTime.Format(m.At, m.TimeZone, "en")}). " +
              (m.OperatorsTold ? "Operators were told and will retry." : "Operators can see it on the dashboard; contact them if it is urgent.");
        var next = m.Filed
            ? (m.Attachment is not null ? "Berkas bertanda tangan terlampir. / The signed file is attached. " : "") +
              "Keaslian dapat diperiksa pada tautan verifikasi atau dengan memindai kode QR pada dokumen. / Check it at the verification link or by scanning the QR code on the document."
            : "Tidak ada yang perlu Anda lakukan sekarang. / Nothing is needed from you now.";
        List<(string, string)> rows =
        [
            ("Judul / Title", m.Title),
            ("Nomor / Number", m.Number ?? "—"),
            ("Berkas / File", m.SourceName),
        ];
        if (m.Filed) rows.Add(("Verifikasi / Verify", m.VerifyUrl));
        else rows.Add(("Kesalahan / Error", m.Error ?? ""));
        var text = $"{id}\n{en}\n\n{MailHtml.Rows(rows)}\n\n{next}\n";
        var html = MailHtml.Page("id", subject, [MailHtml.Enc(id), MailHtml.Enc(en)], rows,
            m.Filed ? ("Periksa keaslian / Verify", m.VerifyUrl) : null, [MailHtml.Enc(next)]);
        return new MailContent { Subject = subject, Text = text, Html = html, Attachments = m.Attachment is null ? [] : [m.Attachment] };
    }
}
