namespace Worker.Signing.Bsre;

/// <summary>The calls the worker makes to an Esign Client Service, whichever API version it speaks (Bsre:Api).</summary>
public interface IBsreClient
{
    /// <summary>
    /// The signed PDFs, one per input in the same order; <paramref name="signatures"/> holds one entry per file or one for
    /// all. Throws <see cref="BsreException"/> on any refusal.
    /// </summary>
    Task<IReadOnlyList<byte[]>> SignPdfAsync(
        BsreIdentity who, PersonalSecret secret, IReadOnlyList<byte[]> files, IReadOnlyList<BsreSignature> signatures, CancellationToken ct);

    /// <summary>The certificate status of the official; signing is allowed only for ISSUE.</summary>
    Task<BsreUserStatus> CheckStatusAsync(BsreIdentity who, CancellationToken ct);

    /// <summary>Asks BSrE to send the official a TOTP code good for <paramref name="files"/> file(s).</summary>
    Task RequestTotpAsync(BsreIdentity who, int files, CancellationToken ct);
}
