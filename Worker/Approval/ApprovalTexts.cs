namespace Worker.Approval;

/// <summary>Every sentence of the approval pages, in Indonesian (default) and English; {0} marks a value.</summary>
public sealed record ApprovalTexts
{
    /// <summary>The html lang attribute.</summary>
    public required string Lang { get; init; }
    /// <summary>Heading of the decision page.</summary>
    public required string PageTitle { get; init; }
    /// <summary>Greeting with the approver's name.</summary>
    public required string Greeting { get; init; }
    /// <summary>One line on what is asked.</summary>
    public required string Intro { get; init; }
    /// <summary>Detail labels: title, number, submitter, pages, size, received.</summary>
    public required string[] Labels { get; init; }
    /// <summary>Link text to the PDF.</summary>
    public required string ViewPdf { get; init; }
    /// <summary>Until when the link works.</summary>
    public required string ValidUntil { get; init; }
    /// <summary>The confirmation checkbox.</summary>
    public required string Confirm { get; init; }
    /// <summary>Label of the reason field.</summary>
    public required string ReasonLabel { get; init; }
    /// <summary>The approve button.</summary>
    public required string Approve { get; init; }
    /// <summary>The reject button.</summary>
    public required string Reject { get; init; }
    /// <summary>Refusal when the box was not ticked.</summary>
    public required string NeedConfirm { get; init; }
    /// <summary>Refusal when a rejection has no reason.</summary>
    public required string NeedReason { get; init; }
    /// <summary>Refusal when the reason is too long ({0}: the limit).</summary>
    public required string ReasonTooLong { get; init; }
    /// <summary>Refusal when the antiforgery check failed.</summary>
    public required string BadForm { get; init; }
    /// <summary>Heading after a decision.</summary>
    public required string DoneTitle { get; init; }
    /// <summary>After approving.</summary>
    public required string ApprovedDone { get; init; }
    /// <summary>After rejecting.</summary>
    public required string RejectedDone { get; init; }
    /// <summary>A used link ({0}: decision word, {1}: time).</summary>
    public required string EarlierDecision { get; init; }
    /// <summary>The word for an approval.</summary>
    public required string ApprovedWord { get; init; }
    /// <summary>The word for a rejection.</summary>
    public required string RejectedWord { get; init; }
    /// <summary>Heading of every "link not valid" page.</summary>
    public required string GoneTitle { get; init; }
    /// <summary>An unknown link.</summary>
    public required string Unknown { get; init; }
    /// <summary>An expired link.</summary>
    public required string Expired { get; init; }
    /// <summary>A link replaced by a newer one.</summary>
    public required string Retired { get; init; }
    /// <summary>A link whose document no longer waits for this approver.</summary>
    public required string Closed { get; init; }

    public static readonly ApprovalTexts Id = new()
    {
        Lang = "id", PageTitle = "Persetujuan dokumen", Greeting = "Yth. {0}", Intro = "Dokumen berikut menunggu persetujuan Anda.",
        Labels = ["Judul", "Nomor", "Pengirim", "Jumlah halaman", "Ukuran", "Diterima"],
        ViewPdf = "Baca dokumen (PDF)", ValidUntil = "Tautan ini berlaku sampai {0} dan hanya dapat dipakai satu kali.",
        Confirm = "Saya telah membaca dokumen ini", ReasonLabel = "Alasan penolakan (wajib jika menolak)",
        Approve = "Setujui", Reject = "Tolak",
        NeedConfirm = "Centang \"Saya telah membaca dokumen ini\" sebelum memberi keputusan.",
        NeedReason = "Tuliskan alasan penolakan.", ReasonTooLong = "Alasan terlalu panjang (paling banyak {0} karakter).",
        BadForm = "Formulir ini sudah tidak berlaku. Muat ulang halaman lalu coba lagi.",
        DoneTitle = "Keputusan tercatat", ApprovedDone = "Terima kasih. Persetujuan Anda telah dicatat.",
        RejectedDone = "Penolakan Anda telah dicatat. Pengirim dokumen akan diberi tahu.",
        EarlierDecision = "Tautan ini sudah dipakai. Keputusan yang tercatat: {0}, {1}.", ApprovedWord = "Disetujui", RejectedWord = "Ditolak",
        GoneTitle = "Tautan tidak berlaku", Unknown = "Tautan tidak dikenal. Periksa kembali tautan pada email Anda.",
        Expired = "Tautan ini sudah kedaluwarsa.", Retired = "Tautan ini sudah diganti dengan tautan yang lebih baru. Gunakan email terbaru.",
        Closed = "Dokumen ini tidak lagi menunggu keputusan Anda.",
    };

    public static readonly ApprovalTexts En = new()
    {
        Lang = "en", PageTitle = "Document approval", Greeting = "Dear {0}", Intro = "The following document awaits your approval.",
        Labels = ["Title", "Number", "Submitted by", "Pages", "Size", "Received"],
        ViewPdf = "Read the document (PDF)", ValidUntil = "This link works until {0}, and only once.",
        Confirm = "I have read this document", ReasonLabel = "Reason for rejecting (required to reject)",
        Approve = "Approve", Reject = "Reject",
        NeedConfirm = "Tick \"I have read this document\" before deciding.",
        NeedReason = "Write the reason for rejecting.", ReasonTooLong = "The reason is too long (at most {0} characters).",
        BadForm = "This form is no longer valid. Reload the page and try again.",
        DoneTitle = "Decision recorded", ApprovedDone = "Thank you. Your approval has been recorded.",
        RejectedDone = "Your rejection has been recorded. The submitter will be told.",
        EarlierDecision = "This link was already used. Recorded decision: {0}, {1}.", ApprovedWord = "Approved", RejectedWord = "Rejected",
        GoneTitle = "Link not valid", Unknown = "Unknown link. Check the link in your email.",
        Expired = "This link has expired.", Retired = "This link was replaced by a newer one. Use the latest email.",
        Closed = "This document no longer awaits your decision.",
    };

    public static ApprovalTexts For(string language) => language == "en" ? En : Id;
}
