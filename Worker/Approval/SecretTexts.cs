namespace Worker.Approval;

/// <summary>The approval page's sentences for an approval that signs with the official's own secret (BSrE passphrase or TOTP code, CSC PIN or OTP).</summary>
public sealed record SecretTexts
{
    /// <summary>Label of the password field.</summary>
    public required string Label { get; init; }
    /// <summary>What pressing approve does ({0}: name, {1}: position).</summary>
    public required string Sentence { get; init; }
    /// <summary>Refusal when the field is empty.</summary>
    public required string Missing { get; init; }
    /// <summary>BSrE said the passphrase is wrong.</summary>
    public required string Wrong { get; init; }
    /// <summary>The signing service cannot be reached, is slow or failed.</summary>
    public required string Unavailable { get; init; }
    /// <summary>Another tap is still signing this document.</summary>
    public required string Busy { get; init; }
    /// <summary>BSrE refused for a reason the official cannot fix by retyping.</summary>
    public required string Refused { get; init; }
    /// <summary>Five wrong passphrases on this link: it signs no more until an operator sends a new one.</summary>
    public required string Paused { get; init; }
    /// <summary>After approving and signing.</summary>
    public required string Done { get; init; }
    /// <summary>The certificate may not sign ({0}: BSrE's status), shown before anything is typed.</summary>
    public required string NotIssued { get; init; }
    /// <summary>This step signs last and others have not approved yet ({0}: how many).</summary>
    public required string OthersFirst { get; init; }
    /// <summary>Button asking BSrE to send a TOTP code.</summary>
    public required string SendCode { get; init; }
    /// <summary>After BSrE was asked to send a code.</summary>
    public required string CodeSent { get; init; }

    public static readonly SecretTexts Id = new()
    {
        Label = "Passphrase TTE",
        Sentence = "Dengan menekan Setujui, dokumen ini ditandatangani secara elektronik atas nama Anda ({0}, {1}) menggunakan sertifikat BSrE.",
        Missing = "Masukkan Passphrase TTE Anda untuk menandatangani.",
        Wrong = "Passphrase TTE salah. Dokumen belum ditandatangani; silakan coba lagi.",
        Unavailable = "Layanan tanda tangan elektronik (BSrE) tidak dapat dihubungi saat ini. Dokumen belum ditandatangani; silakan coba lagi beberapa saat lagi.",
        Busy = "Dokumen ini sedang ditandatangani. Tunggu sebentar lalu muat ulang halaman.",
        Refused = "Penandatanganan tidak dapat dilakukan. Operator telah diberi tahu; dokumen belum ditandatangani.",
        Paused = "Passphrase TTE salah lima kali. Penandatanganan melalui tautan ini dihentikan sementara; operator telah diberi tahu dan akan mengirim tautan baru.",
        Done = "Terima kasih. Dokumen telah Anda setujui dan tandatangani secara elektronik.",
        NotIssued = "Sertifikat elektronik Anda di BSrE berstatus {0}, sehingga dokumen ini belum dapat ditandatangani. Operator telah diberi tahu; hubungi admin TTE instansi Anda.",
        OthersFirst = "Anda menandatangani paling akhir: dokumen ini masih menunggu persetujuan {0} pejabat lain. Tautan ini tetap berlaku; buka kembali setelah mereka menyetujui.",
        SendCode = "Kirim kode",
        CodeSent = "Kode TOTP telah dikirim oleh BSrE. Masukkan kode tersebut lalu tekan Setujui.",
    };

    public static readonly SecretTexts En = new()
    {
        Label = "Passphrase TTE (signing passphrase)",
        Sentence = "By pressing Approve, this document is signed electronically in your name ({0}, {1}) with your BSrE certificate.",
        Missing = "Enter your signing passphrase to sign.",
        Wrong = "Wrong signing passphrase. The document was not signed; please try again.",
        Unavailable = "The electronic signing service (BSrE) cannot be reached right now. The document was not signed; please try again in a moment.",
        Busy = "This document is being signed right now. Wait a moment, then reload the page.",
        Refused = "Signing could not be done. The operators were told; the document was not signed.",
        Paused = "Wrong signing passphrase five times. Signing through this link is paused; the operators were told and will send a new link.",
        Done = "Thank you. You approved and electronically signed the document.",
        NotIssued = "Your BSrE certificate has the status {0}, so this document cannot be signed yet. The operators were told; contact your agency's e-signature admin.",
        OthersFirst = "You sign last: this document is still waiting for {0} other approver(s). This link stays valid; open it again once they have approved.",
        SendCode = "Send code",
        CodeSent = "BSrE has sent a TOTP code. Enter it, then press Approve.",
    };

    /// <summary>The same sentences for an official who types a TOTP code BSrE sends instead of a passphrase.</summary>
    public static readonly SecretTexts TotpId = Id with
    {
        Label = "Kode TOTP",
        Missing = "Tekan Kirim kode, lalu masukkan kode TOTP yang Anda terima untuk menandatangani.",
        Wrong = "Kode TOTP salah atau kedaluwarsa. Dokumen belum ditandatangani; minta kode baru lalu coba lagi.",
        Paused = "Kode TOTP salah lima kali. Penandatanganan melalui tautan ini dihentikan sementara; operator telah diberi tahu dan akan mengirim tautan baru.",
    };

    public static readonly SecretTexts TotpEn = En with
    {
        Label = "TOTP code",
        Missing = "Press Send code, then enter the TOTP code you receive to sign.",
        Wrong = "Wrong or expired TOTP code. The document was not signed; ask for a new code and try again.",
        Paused = "Wrong TOTP code five times. Signing through this link is paused; the operators were told and will send a new link.",
    };

    /// <summary>The texts for a step's signing: a BSrE passphrase or TOTP code, or a CSC credential's PIN or OTP.</summary>
    public static SecretTexts For(string lang, Signing.SecretSigning plan) =>
        plan.Csc ? Csc(lang, Configuration.CscOptionsValidator.SecretOf(plan.Profile) == "Otp") : For(lang, plan.Totp);

    // A CSC provider holds the key: the official types its PIN (or an OTP); the service is named CSC, not BSrE.
    private static SecretTexts Csc(string lang, bool otp)
    {
        var (id, en) = otp ? ("OTP TTE", "one-time signing code") : ("PIN TTE", "signing PIN");
        return lang == "en"
            ? En with
            {
                Label = $"{id} ({en})",
                Sentence = "By pressing Approve, this document is signed electronically in your name ({0}, {1}) with your certificate at the remote signing service.",
                Missing = $"Enter your {en} to sign.",
                Wrong = $"Wrong {en}. The document was not signed; please try again.",
                Unavailable = "The electronic signing service (CSC) cannot be reached right now. The document was not signed; please try again in a moment.",
                Paused = $"Wrong {en} five times. Signing through this link is paused; the operators were told and will send a new link.",
            }
            : Id with
            {
                Label = id,
                Sentence = "Dengan menekan Setujui, dokumen ini ditandatangani secara elektronik atas nama Anda ({0}, {1}) menggunakan sertifikat Anda di layanan tanda tangan jarak jauh.",
                Missing = $"Masukkan {id} Anda untuk menandatangani.",
                Wrong = $"{id} salah. Dokumen belum ditandatangani; silakan coba lagi.",
                Unavailable = "Layanan tanda tangan elektronik (CSC) tidak dapat dihubungi saat ini. Dokumen belum ditandatangani; silakan coba lagi beberapa saat lagi.",
                Paused = $"{id} salah lima kali. Penandatanganan melalui tautan ini dihentikan sementara; operator telah diberi tahu dan akan mengirim tautan baru.",
            };
    }

    public static SecretTexts For(string lang, bool totp = false) => (lang, totp) switch
    {
        ("en", true) => TotpEn,
        ("en", false) => En,
        (_, true) => TotpId,
        _ => Id,
    };
}
