using Worker.Pdf.Signatures;

namespace Worker.Pdf.Stamp;

/// <summary>A stamp placed on a document: the visible signature for the engine and what the log should know.</summary>
public sealed record StampLayout
{
    /// <summary>The visible signature, with its footnote when one was asked for.</summary>
    public required VisibleSignature Visible { get; init; }

    /// <summary>Why the stamp is not where it was asked to be (an anchor that was not found); null when it is.</summary>
    public string? Note { get; init; }
}
