namespace Worker.Pdf.Signatures;

/// <summary>The signature dictionary's values and the widget to show (or not).</summary>
public sealed record SignatureFieldRequest
{
    /// <summary>Written as /M; PAdES keeps the claimed signing time here, not in the CMS.</summary>
    public required DateTimeOffset SigningTime { get; init; }

    /// <summary>Bytes reserved for the DER CMS; /Contents holds twice as many hex digits.</summary>
    public required int ContentsLength { get; init; }

    /// <summary>/Reason, if any.</summary>
    public string? Reason { get; init; }

    /// <summary>/Location, if any.</summary>
    public string? Location { get; init; }

    /// <summary>/Name (the signer's name), if any.</summary>
    public string? Name { get; init; }

    /// <summary>/ContactInfo, if any.</summary>
    public string? ContactInfo { get; init; }

    /// <summary>A document timestamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161) instead of a signature: no /M, no names.</summary>
    public bool DocumentTimestamp { get; init; }

    /// <summary>The visible widget; null for an invisible signature (a zero-size widget on the first page, or on no page when none is readable).</summary>
    public VisibleSignature? Visible { get; init; }
}
