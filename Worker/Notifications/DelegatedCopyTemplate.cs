namespace Worker.Notifications;

/// <summary>The official's copy of a request sent to their deputy: the facts only, and no link, so this mail can decide nothing.</summary>
public static class DelegatedCopyTemplate
{
    public static MailContent Render(DelegatedCopyMail m)
    {
        var subject = $"Salinan: permintaan tanda tangan dikirim ke {m.DeputyName} / Copy: signature request sent to your deputy: {m.Title}";
        var id = $"Selama Anda berhalangan, permintaan tanda tangan dokumen berikut dikirim kepada {m.DeputyName} ({m.DeputyPosition}), " +
                 $"sampai {LocalTime.Format(m.Until, m.TimeZone, "id")}. Email ini hanya salinan: tidak berisi tautan persetujuan.";
        var en = $"While you are away, the signature request for the document below went to {m.DeputyName} ({m.DeputyPosition}), " +
                 $"until {LocalTime.Format(m.Until, m.TimeZone, "en")}. This email is a copy only: it carries no approval link.";
        var next = $"Bila ini tidak Anda harapkan, hubungi {m.Contact}. Jangan balas email ini. / If you did not expect this, contact {m.Contact}. Do not reply to this email.";
        List<(string, string)> rows =
        [
            ("Judul / Title", m.Title),
            ("Nomor / Number", m.Number ?? "—"),
            ("Berkas / File", m.SourceName),
            ("Penanda tangan / Signer", $"{m.DeputyName} <{m.DeputyEmail}>"),
            ("Jabatan / Position", m.DeputyPosition),
        ];
        var text = $"{id}\n{en}\n\n{MailHtml.Rows(rows)}\n\n{next}\n";
        var html = MailHtml.Page("id", subject, [MailHtml.Enc(id), MailHtml.Enc(en)], rows, null, [MailHtml.Enc(next)]);
        return new MailContent { Subject = subject, Text = text, Html = html };
    }
}
