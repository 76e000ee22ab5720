namespace Worker.Notifications;

/// <summary>The notice to a submitter; both languages, Indonesian first, since the submitter's preference is unknown.</summary>
public static class OutcomeNoticeTemplate
{
    public static MailContent Render(OutcomeNoticeMail m)
    {
        var who = m.ApproverPosition.Length > 0 ? $"{m.ApproverName} ({m.ApproverPosition})" : m.ApproverName;
        var (subject, id, en) = (m.Expired, m.Cancelled) switch
        {
            (true, _) => ($"Dokumen kedaluwarsa / Document expired: {m.Title}",
                $"Dokumen berikut tidak mendapat jawaban dari {who} sampai batas waktu {LocalTime.Format(m.At, m.TimeZone, "id")}.",
                $"The document below was not answered by {who} before {LocalTime.Format(m.At, m.TimeZone, "en")}."),
            (_, true) => ($"Dokumen dibatalkan / Document cancelled: {m.Title}",
                $"Dokumen berikut dibatalkan oleh operator pada {LocalTime.Format(m.At, m.TimeZone, "id")}.",
                $"The document below was cancelled by an operator on {LocalTime.Format(m.At, m.TimeZone, "en")}."),
            _ => ($"Dokumen ditolak / Document rejected: {m.Title}",
                $"Dokumen berikut ditolak oleh {who} pada {LocalTime.Format(m.At, m.TimeZone, "id")}.",
                $"The document below was rejected by {who} on {LocalTime.Format(m.At, m.TimeZone, "en")}."),
        };
        var next = "Berkas asli disimpan di folder declined/ bersama alasan ini. Perbaiki dan kirim ulang bila perlu. " +
                   "/ The original is in the declined/ folder with this reason beside it; correct it and submit it again if needed.";
        List<(string, string)> rows =
        [
            ("Judul / Title", m.Title),
            ("Nomor / Number", m.Number ?? "—"),
            ("Berkas / File", m.SourceName),
            ("Alasan / Reason", m.Reason),
        ];
        var text = $"{id}\n{en}\n\n{MailHtml.Rows(rows)}\n\n{next}\n";
        var html = MailHtml.Page("id", subject, [MailHtml.Enc(id), MailHtml.Enc(en)], rows, null, [MailHtml.Enc(next)]);
        return new MailContent { Subject = subject, Text = text, Html = html };
    }
}
