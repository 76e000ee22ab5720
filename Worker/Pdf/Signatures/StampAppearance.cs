namespace Worker.Pdf.Signatures;

/// <summary>What a visible signature shows, drawn upright in its own box; placement and rotation are ours.</summary>
public sealed record StampAppearance
{
    /// <summary>A content stream drawn in a box of Width x Height, origin bottom-left, upright.</summary>
    public required byte[] Content { get; init; }

    /// <summary>Font resource name (e.g. "F1") to a standard-14 BaseFont (e.g. "Helvetica"), WinAnsiEncoding.</summary>
    public IReadOnlyDictionary<string, string> Fonts { get; init; } = new Dictionary<string, string>();
}
