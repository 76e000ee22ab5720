namespace Worker.Notifications;

/// <summary>The approval request email, Indonesian by default, English on request.</summary>
public static class ApprovalRequestTemplate
{
    public static MailContent Render(ApprovalRequestMail m)
    {
        var en = m.Language == "en";
        var received = LocalTime.Format(m.ReceivedAt, m.TimeZone, m.Language);
        var expires = LocalTime.Format(m.ExpiresAt, m.TimeZone, m.Language);
        var dash = "—";
        List<(string, string)> rows =
        [
            (en ? "Title" : "Judul", m.Title),
            (en ? "Number" : "Nomor", m.Number ?? dash),
            (en ? "Submitted by" : "Pengirim", m.Submitter ?? dash),
            (en ? "Pages" : "Jumlah halaman", m.PageCount?.ToString() ?? dash),
            (en ? "Size" : "Ukuran", LocalTime.Size(m.SizeBytes, m.Language)),
            (en ? "Received" : "Diterima", received),
            ("SHA-256", LocalTime.ShortHash(m.Sha256) + " …"),
        ];
        var subject = (en, m.Reminder > 0) switch
        {
            (false, false) => $"Mohon persetujuan: {m.Title}",
            (false, true) => $"Pengingat: mohon persetujuan: {m.Title}",
            (true, false) => $"Approval requested: {m.Title}",
            (true, true) => $"Reminder: approval requested: {m.Title}",
        };
        var greeting = en ? $"Dear {m.ApproverName}," : $"Yth. {m.ApproverName},";
        var intro = (en, m.Reminder > 0) switch
        {
            (false, false) => "Dokumen berikut menunggu persetujuan Anda.",
            (false, true) => "Dokumen berikut masih menunggu persetujuan Anda. Tautan di bawah menggantikan tautan pada email sebelumnya.",
            (true, false) => "The following document awaits your approval.",
            (true, true) => "The following document still awaits your approval. The link below replaces the one in the earlier email.",
        };
        var action = en
            ? "Open the link to read the document and decide (Approve or Reject):"
            : "Buka tautan berikut untuk membaca dokumen dan memberi keputusan (Setujui atau Tolak):";
        var once = en
            ? $"The link works once and until {expires}. Opening it changes nothing: a decision is recorded only when you press Approve or Reject."
            : $"Tautan hanya dapat dipakai satu kali dan berlaku sampai {expires}. Membuka tautan tidak mengubah apa pun: keputusan baru tercatat setelah Anda menekan Setujui atau Tolak.";
        var unexpected = en
            ? $"If you did not expect this request, do not open the link and contact {m.Contact}. Do not forward this email: the link is personal."
            : $"Jika Anda tidak mengharapkan permintaan ini, jangan buka tautannya dan hubungi {m.Contact}. Jangan teruskan email ini: tautannya bersifat pribadi.";
        // The sender address is the worker's: a reply reaches nobody who reads it.
        var noReply = en
            ? $"This email was sent automatically: do not reply to this email. For questions, contact {m.Contact}."
            : $"Email ini dikirim otomatis: jangan balas email ini. Untuk pertanyaan, hubungi {m.Contact}.";
        var queue = m.QueueLink is null ? null
            : en ? "All documents waiting for you (approve several at once):" : "Semua dokumen yang menunggu Anda (setujui beberapa sekaligus):";
        var queueText = queue is null ? "" : $"{queue}\n{m.QueueLink}\n\n";
        var text = $"{greeting}\n\n{intro}\n\n{MailHtml.Rows(rows)}\n\n{action}\n{m.Link}\n\n{queueText}{once}\n\n{unexpected}\n\n{noReply}\n";
        var html = MailHtml.Page(m.Language, subject,
            [MailHtml.Enc(greeting), MailHtml.Enc(intro)], rows,
            (en ? "Open the document" : "Buka dokumen", m.Link),
            [
                MailHtml.Enc(action) + "<br>" + MailHtml.Enc(m.Link),
                .. queue is null ? Array.Empty<string>() : [$"<a href=\"{MailHtml.Enc(m.QueueLink)}\">{MailHtml.Enc(queue)}</a>"],
                MailHtml.Enc(once), MailHtml.Enc(unexpected), MailHtml.Enc(noReply),
            ]);
        return new MailContent { Subject = subject, Text = text, Html = html };
    }
}
