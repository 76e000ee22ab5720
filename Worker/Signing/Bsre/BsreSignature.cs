namespace Worker.Signing.Bsre;

/// <summary>The signature properties sent with one file.</summary>
public sealed record BsreSignature
{
    /// <summary>Reason written into the signature.</summary>
    public required string Reason { get; init; }
    /// <summary>Location written into the signature.</summary>
    public required string Location { get; init; }
    /// <summary>Contact written into the signature (the official's email).</summary>
    public required string ContactInfo { get; init; }
    /// <summary>Where and what BSrE draws; null for an invisible signature.</summary>
    public BsreStamp? Stamp { get; init; }
}
