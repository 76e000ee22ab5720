namespace Worker.Approval;

/// <summary>The approval page's sentences for an approval that signs with the official's own secret (BSrE passphrase, CSC PIN or OTP).</summary>
public sealed record SecretTexts
{
    /// <summary>Label of the password field.</summary>
    public required string Label { get; init; }
    /// <summary>What pressing approve does ({0}: name, {1}: position).</summary>
    public required string Sentence { get; init; }
    /// <summary>Refusal when the field is empty.</summary>
    public required string Missing { get; init; }
    /// <summary>The service said the secret is wrong.</summary>
    public required string Wrong { get; init; }
    /// <summary>The signing service cannot be reached, is slow or failed.</summary>
    public required string Unavailable { get; init; }
    /// <summary>Another tap is still signing this document.</summary>
    public required string Busy { get; init; }
    /// <summary>The service refused for a reason the official cannot fix by retyping.</summary>
    public required string Refused { get; init; }
    /// <summary>Five wrong secrets on this link: it signs no more until an operator sends a new one.</summary>
    public required string Paused { get; init; }
    /// <summary>After approving and signing.</summary>
    public required string Done { get; init; }

    /// <summary>The texts in <paramref name="lang"/> for the secret <paramref name="prompt"/> names (BSrE passphrase, CSC PIN or OTP).</summary>
    public static SecretTexts For(string lang, Signing.SecretPrompt prompt)
    {
        var csc = prompt.Kind == Configuration.SignerKinds.Csc;
        var service = csc ? "CSC" : "BSrE";
        if (lang == "en")
        {
            var (label, word) = prompt.Secret switch
            {
                "Pin" => ("PIN TTE (signing PIN)", "signing PIN"),
                "Otp" => ("OTP TTE (one-time signing code)", "one-time signing code"),
                _ => ("Passphrase TTE (signing passphrase)", "signing passphrase"),
            };
            return new SecretTexts
            {
                Label = label,
                Sentence = "By pressing Approve, this document is signed electronically in your name ({0}, {1}) with your " +
                    (csc ? "certificate at the remote signing service." : "BSrE certificate."),
                Missing = $"Enter your {word} to sign.",
                Wrong = $"Wrong {word}. The document was not signed; please try again.",
                Unavailable = $"The electronic signing service ({service}) cannot be reached right now. The document was not signed; please try again in a moment.",
                Busy = "This document is being signed right now. Wait a moment, then reload the page.",
                Refused = "Signing could not be done. The operators were told; the document was not signed.",
                Paused = $"Wrong {word} five times. Signing through this link is paused; the operators were told and will send a new link.",
                Done = "Thank you. You approved and electronically signed the document.",
            };
        }
        var id = prompt.Secret switch { "Pin" => "PIN TTE", "Otp" => "OTP TTE", _ => "Passphrase TTE" };
        return new SecretTexts
        {
            Label = id,
            Sentence = "Dengan menekan Setujui, dokumen ini ditandatangani secara elektronik atas nama Anda ({0}, {1}) menggunakan " +
                (csc ? "sertifikat Anda di layanan tanda tangan jarak jauh." : "sertifikat BSrE."),
            Missing = $"Masukkan {id} Anda untuk menandatangani.",
            Wrong = $"{id} salah. Dokumen belum ditandatangani; silakan coba lagi.",
            Unavailable = $"Layanan tanda tangan elektronik ({service}) tidak dapat dihubungi saat ini. Dokumen belum ditandatangani; silakan coba lagi beberapa saat lagi.",
            Busy = "Dokumen ini sedang ditandatangani. Tunggu sebentar lalu muat ulang halaman.",
            Refused = "Penandatanganan tidak dapat dilakukan. Operator telah diberi tahu; dokumen belum ditandatangani.",
            Paused = $"{id} salah lima kali. Penandatanganan melalui tautan ini dihentikan sementara; operator telah diberi tahu dan akan mengirim tautan baru.",
            Done = "Terima kasih. Dokumen telah Anda setujui dan tandatangani secara elektronik.",
        };
    }
}
