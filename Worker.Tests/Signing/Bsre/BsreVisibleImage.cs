namespace Worker.Tests.Signing.Bsre;

/// <summary>The visible signature a sign call asks for: the image and where it goes, in points from the page's bottom-left.</summary>
public sealed record BsreVisibleImage
{
    /// <summary>Page number, from 1.</summary>
    public required int Page { get; init; }
    /// <summary>Left edge (v2 originX, v1 xAxis).</summary>
    public required double X { get; init; }
    /// <summary>Bottom edge (v2 originY, v1 yAxis).</summary>
    public required double Y { get; init; }
    /// <summary>Width of the rectangle the image fills.</summary>
    public required double Width { get; init; }
    /// <summary>Height of the rectangle the image fills.</summary>
    public required double Height { get; init; }
    /// <summary>The image as sent (v2 imageBase64, v1 imageTTD).</summary>
    public required byte[] Png { get; init; }
}
