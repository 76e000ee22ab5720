using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Reading;

/// <summary>One page object with the attributes it inherits from the page tree already applied.</summary>
public sealed record PageInfo
{
    /// <summary>Zero-based position in the document.</summary>
    public required int Index { get; init; }

    /// <summary>The page object's indirect reference (pages are always indirect objects).</summary>
    public required IndirectReference Reference { get; init; }

    /// <summary>The page dictionary exactly as stored (inherited keys not merged in).</summary>
    public required DictionaryToken Dictionary { get; init; }

    /// <summary>The effective MediaBox.</summary>
    public required PdfBox MediaBox { get; init; }

    /// <summary>The effective CropBox, clipped to the MediaBox; the MediaBox when absent.</summary>
    public required PdfBox CropBox { get; init; }

    /// <summary>The effective /Rotate normalized to 0, 90, 180 or 270 (clockwise, as displayed).</summary>
    public required int Rotate { get; init; }
}
