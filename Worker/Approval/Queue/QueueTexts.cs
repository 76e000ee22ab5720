namespace Worker.Approval.Queue;

/// <summary>Every sentence of the queue page that the single approval page does not already have, Indonesian (default) and English.</summary>
public sealed record QueueTexts
{
    /// <summary>The html lang attribute (id or en).</summary>
    public required string Lang { get; init; }
    /// <summary>The single page's texts (confirm box, reason, decision words, link states), shared so both pages say the same.</summary>
    public ApprovalTexts Page => ApprovalTexts.For(Lang);
    /// <summary>Labels of a document's details: number, sender, received, pages.</summary>
    public required string[] Labels { get; init; }
    /// <summary>Heading of the queue page.</summary>
    public required string Title { get; init; }
    /// <summary>How many documents wait ({0}).</summary>
    public required string Count { get; init; }
    /// <summary>When nothing waits.</summary>
    public required string Empty { get; init; }
    /// <summary>Label of a document's tick box ({0}: its title).</summary>
    public required string Select { get; init; }
    /// <summary>The confirmation box of a batch approval.</summary>
    public required string ConfirmSelected { get; init; }
    /// <summary>Refusal when the batch's confirmation box was not ticked.</summary>
    public required string NeedSelectedConfirm { get; init; }
    /// <summary>The batch approve button.</summary>
    public required string ApproveSelected { get; init; }
    /// <summary>Opens a document's reject form.</summary>
    public required string RejectThis { get; init; }
    /// <summary>Under the passphrase field: one secret for every ticked document signed with it.</summary>
    public required string OneSecret { get; init; }
    /// <summary>Refusal when nothing was ticked.</summary>
    public required string NoneSelected { get; init; }
    /// <summary>Refusal when the form names a document that is not this approver's (tampering); nothing is decided.</summary>
    public required string NotYours { get; init; }
    /// <summary>Refusal when more documents are ticked than one post takes ({0}).</summary>
    public required string TooMany { get; init; }
    /// <summary>Heading of the result page.</summary>
    public required string ResultTitle { get; init; }
    /// <summary>A document decided elsewhere before this post ({0}: decision word, {1}: time); left as it was.</summary>
    public required string DecidedBefore { get; init; }
    /// <summary>A document that no longer waits for this approver; left as it was.</summary>
    public required string NotOpen { get; init; }
    /// <summary>A document whose signing failed ({0}: why); it keeps waiting.</summary>
    public required string NotSigned { get; init; }
    /// <summary>A document whose signer asks for a code per document: decided on its own page.</summary>
    public required string OwnPage { get; init; }
    /// <summary>Link back to the queue.</summary>
    public required string Back { get; init; }
    /// <summary>Until when the queue link works ({0}).</summary>
    public required string ValidUntil { get; init; }
    /// <summary>Text of the first-page placeholder ({0}: pages).</summary>
    public required string Thumbnail { get; init; }

    public static readonly QueueTexts Id = new()
    {
        Lang = "id", Labels = ["Nomor", "Pengirim", "Diterima", "Halaman"], Title = "Semua dokumen yang menunggu Anda", Count = "{0} dokumen menunggu keputusan Anda.",
        Empty = "Tidak ada dokumen yang menunggu keputusan Anda.", Select = "Pilih: {0}",
        ConfirmSelected = "Saya telah membaca dokumen yang saya pilih",
        NeedSelectedConfirm = "Centang \"Saya telah membaca dokumen yang saya pilih\" sebelum menyetujui.", ApproveSelected = "Setujui yang dipilih",
        RejectThis = "Tolak dokumen ini", OneSecret = "Satu kali untuk semua dokumen terpilih yang ditandatangani dengan sertifikat Anda.",
        NoneSelected = "Pilih minimal satu dokumen.",
        NotYours = "Formulir memuat dokumen yang bukan milik antrean Anda. Tidak ada yang diputuskan.",
        TooMany = "Pilih paling banyak {0} dokumen sekaligus.", ResultTitle = "Hasil keputusan",
        DecidedBefore = "Sudah diputuskan sebelumnya ({0}, {1}); tidak diubah.", NotOpen = "Tidak lagi menunggu keputusan Anda; tidak diubah.",
        NotSigned = "Belum ditandatangani ({0}); dokumen tetap menunggu.", OwnPage = "Buka dokumen ini sendiri untuk meminta kode; belum diputuskan.",
        Back = "Kembali ke daftar", ValidUntil = "Tautan daftar ini berlaku sampai {0}.", Thumbnail = "PDF, {0} hlm.",
    };

    public static readonly QueueTexts En = new()
    {
        Lang = "en", Labels = ["Number", "Sender", "Received", "Pages"], Title = "All documents waiting for you", Count = "{0} document(s) await your decision.",
        Empty = "No document awaits your decision.", Select = "Select: {0}",
        ConfirmSelected = "I have read the documents I selected",
        NeedSelectedConfirm = "Tick \"I have read the documents I selected\" before approving.", ApproveSelected = "Approve selected",
        RejectThis = "Reject this document", OneSecret = "Once for every selected document signed with your certificate.",
        NoneSelected = "Select at least one document.",
        NotYours = "The form names a document that is not in your queue. Nothing was decided.",
        TooMany = "Select at most {0} documents at once.", ResultTitle = "Decisions",
        DecidedBefore = "Already decided ({0}, {1}); left unchanged.", NotOpen = "No longer awaits your decision; left unchanged.",
        NotSigned = "Not signed ({0}); the document keeps waiting.", OwnPage = "Open this document on its own to ask for a code; not decided.",
        Back = "Back to the list", ValidUntil = "This list link works until {0}.", Thumbnail = "PDF, {0} p.",
    };

    public static QueueTexts For(string language) => language == "en" ? En : Id;
}
