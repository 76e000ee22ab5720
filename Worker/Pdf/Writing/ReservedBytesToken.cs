using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Writing;

/// <summary>
/// A fixed-width hole in a new object, written as <see cref="Filler"/> and filled in later by whoever
/// reserved it (the signature's /ByteRange and /Contents); the writer reports where it landed.
/// </summary>
public sealed class ReservedBytesToken(string name, byte[] filler) : IToken
{
    /// <summary>Identifies the hole in <see cref="WrittenUpdate.Reserved"/>.</summary>
    public string Name { get; } = name;

    /// <summary>The bytes written now; their length is the hole's width.</summary>
    public byte[] Filler { get; } = filler;

    /// <inheritdoc />
    public bool Equals(IToken? obj) => ReferenceEquals(this, obj);
}
