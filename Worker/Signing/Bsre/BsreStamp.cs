namespace Worker.Signing.Bsre;

/// <summary>A visible signature: BSrE draws <see cref="Png"/> at this place (points in the page's default user space).</summary>
public sealed record BsreStamp
{
    /// <summary>Page number, from 1.</summary>
    public required int Page { get; init; }
    /// <summary>Left edge.</summary>
    public required double X { get; init; }
    /// <summary>Bottom edge.</summary>
    public required double Y { get; init; }
    /// <summary>Width.</summary>
    public required double Width { get; init; }
    /// <summary>Height.</summary>
    public required double Height { get; init; }
    /// <summary>The image: our TTE stamp (lines and the QR code to /verify/{id}), as a PNG of the box's aspect ratio.</summary>
    public required byte[] Png { get; init; }
}
