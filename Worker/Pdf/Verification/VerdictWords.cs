namespace Worker.Pdf.Verification;

/// <summary>The fixed words for each verdict, the same on every page and in every report (Indonesian first, English second).</summary>
public static class VerdictWords
{
    public const string Valid = "sah / valid";
    public const string IntactUntrusted = "utuh, penandatangan tidak dikenal / intact, signer not recognised";
    public const string Invalid = "tidak sah / invalid";
    public const string NotVerifiableOffline = "tidak dapat diperiksa luring / not verifiable offline";
    public const string ClaimedTime = "waktu menurut penandatangan / time claimed by the signer";
    public const string TimestampedTime = "waktu dari stempel waktu / time from the timestamp";
    public const string RevocationUnknown = "status pencabutan tidak diketahui / revocation unknown";

    /// <summary>The bilingual words for <paramref name="verdict"/>.</summary>
    public static string For(SignatureVerdict verdict) => verdict switch
    {
        SignatureVerdict.Valid => Valid,
        SignatureVerdict.IntactUntrusted => IntactUntrusted,
        SignatureVerdict.NotVerifiableOffline => NotVerifiableOffline,
        _ => Invalid,
    };
}
