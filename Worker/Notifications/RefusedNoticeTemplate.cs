namespace Worker.Notifications;

/// <summary>The refusal notice: which file, why, and that the original waits in failed/ with the same reason beside it.</summary>
public static class RefusedNoticeTemplate
{
    public static MailContent Render(RefusedNoticeMail m)
    {
        var subject = m.Duplicate
            ? $"Berkas tidak diproses (duplikat) / File not processed (duplicate): {m.SourceName}"
            : $"Berkas ditolak / File refused: {m.SourceName}";
        var id = $"Berkas {m.SourceName} yang masuk ke folder {m.Route} pada {LocalTime.Format(m.At, m.TimeZone, "id")} tidak diteruskan untuk ditandatangani.";
        var en = $"The file {m.SourceName} dropped in the {m.Route} folder on {LocalTime.Format(m.At, m.TimeZone, "en")} was not sent for signing.";
        var next = "Berkas aslinya tidak dihapus: ada di folder failed/ bersama berkas .error.txt berisi alasan ini. Perbaiki lalu kirim lagi ke folder yang sama. " +
                   "/ The original is not deleted: it is in the failed/ folder beside a .error.txt file with this reason. Fix it and drop it in the same folder again.";
        List<(string, string)> rows =
        [
            ("Berkas / File", m.SourceName),
            ("Alasan", m.ReasonId),
            ("Reason", m.ReasonEn),
        ];
        var text = $"{id}\n{en}\n\n{MailHtml.Rows(rows)}\n\n{next}\n";
        var html = MailHtml.Page("id", subject, [MailHtml.Enc(id), MailHtml.Enc(en)], rows, null, [MailHtml.Enc(next)]);
        return new MailContent { Subject = subject, Text = text, Html = html };
    }
}
