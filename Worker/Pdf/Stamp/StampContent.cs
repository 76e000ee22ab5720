namespace Worker.Pdf.Stamp;

/// <summary>What the visible signature stamp says, in the order of the TTE convention.</summary>
public sealed record StampContent
{
    /// <summary>The heading used when none is given.</summary>
    public const string DefaultHeading = "Ditandatangani secara elektronik oleh:";

    /// <summary>The signer's full name, drawn in bold and wrapped, never cut.</summary>
    public required string SignerName { get; init; }

    /// <summary>The signer's position (jabatan), with any delegation prefix ("a.n.", "Plh."); left out when blank.</summary>
    public required string Position { get; init; }

    /// <summary>When the document was signed; drawn in <see cref="TimeZone"/> with <see cref="TimeZoneLabel"/>.</summary>
    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>The office time zone the signing time is drawn in (the configured OfficeHours zone).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The zone's name after the time, e.g. "WITA".</summary>
    public required string TimeZoneLabel { get; init; }

    /// <summary>Why the document was signed; the line is left out when blank.</summary>
    public string? Reason { get; init; }

    /// <summary>The verification page the QR code points to, e.g. http://127.0.0.1:5080/verify/3f2a….</summary>
    public required string VerifyUrl { get; init; }

    /// <summary>The first text line.</summary>
    public string Heading { get; init; } = DefaultHeading;

    /// <summary>The office (unit kerja) under the position, e.g. "Dinas Komunikasi dan Informatika"; left out when blank.</summary>
    public string? Office { get; init; }

    /// <summary>Pangkat/golongan under the name, e.g. "Pembina Utama Muda (IV/c)"; left out when blank.</summary>
    public string? Rank { get; init; }

    /// <summary>The civil servant number (NIP), drawn as "NIP. …"; left out when blank.</summary>
    public string? Nip { get; init; }
}
