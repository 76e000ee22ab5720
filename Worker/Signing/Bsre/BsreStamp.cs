namespace Worker.Signing.Bsre;

/// <summary>A visible signature: BSrE draws <see cref="Png"/> at this place (points from the page's bottom-left).</summary>
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
    /// <summary>The image: our QR code to /verify/{id}.</summary>
    public required byte[] Png { get; init; }
}
