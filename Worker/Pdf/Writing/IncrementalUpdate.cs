using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;

namespace Worker.Pdf.Writing;

/// <summary>
/// An append-only revision: new objects and new versions of changed ones, then an xref section of the
/// same kind as the file's last one, chained by /Prev. It never rewrites a byte of the original.
/// </summary>
public sealed class IncrementalUpdate(UpdateBase original)
{
    private readonly SortedDictionary<long, (IndirectReference Reference, IToken? Value)> _objects = new();
    private long _next = original.NextObjectNumber;

    /// <summary>The PDF limit on indirect objects (ISO 32000-1, Annex C; a classic xref table cannot hold more): numbers stay below it.</summary>
    public const long MaxObjectNumber = 8_388_607;

    /// <summary>Reserves a new object number; its value must be set before writing.</summary>
    public IndirectReference Allocate()
    {
        SkipDangling();
        // Numbering past the limit writes a file other readers cannot resolve: refuse rather than sign it.
        if (_next >= MaxObjectNumber)
            throw new PdfRefusedException(PdfRefusal.Damaged, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"damaged PDF: its next object number would be {_next:N0}, beyond the PDF limit of {MaxObjectNumber:N0}, so no object can be added"));
        var reference = new IndirectReference(_next++, 0);
        _objects[reference.ObjectNumber] = (reference, null);
        return reference;
    }

    /// <summary>Adds a new object and returns its reference.</summary>
    public IndirectReference Add(IToken value)
    {
        var reference = Allocate();
        Set(reference, value);
        return reference;
    }

    /// <summary>Sets an allocated object, or writes a new version of an existing one.</summary>
    public void Set(IndirectReference reference, IToken value) => _objects[reference.ObjectNumber] = (reference, value);

    /// <summary>Appends the update to <paramref name="output"/>, which must be positioned at the original's end.</summary>
    public WrittenUpdate WriteTo(Stream output)
    {
        if (output.Position != original.FileLength)
            throw new InvalidOperationException("the output must hold exactly the original bytes before the update");
        var serializer = new PdfTokenSerializer(output);
        if (!original.EndsWithNewline)
            serializer.Ascii("\n");
        var offsets = new SortedDictionary<long, (IndirectReference Reference, long Offset)>();
        foreach (var (number, (reference, value)) in _objects)
        {
            if (value is null)
                throw new InvalidOperationException($"object {number} was allocated but never set");
            offsets[number] = (reference, output.Position);
            serializer.Ascii($"{reference.ObjectNumber} {reference.Generation} obj\n");
            serializer.Write(value);
            serializer.Ascii("\nendobj\n");
        }
        // An xref stream is an object too, numbered by the same rule.
        var xrefOffset = original.LastXref.Kind == XrefKind.Table
            ? XrefTableWriter.Write(serializer, output, offsets, Trailer(_next))
            : XrefStreamWriter.Write(serializer, output, offsets, SkipDangling(), Trailer);
        serializer.Ascii($"startxref\n{xrefOffset}\n%%EOF\n");
        return new WrittenUpdate { FileLength = output.Position, Reserved = serializer.Reserved, XrefOffset = xrefOffset };
    }

    // A number the original refers to but does not define stays undefined, or that old reference would lead to our object.
    private long SkipDangling()
    {
        while (original.DanglingNumbers.Contains(_next)) _next++;
        return _next;
    }

    private Dictionary<NameToken, IToken> Trailer(long size)
    {
        var trailer = new Dictionary<NameToken, IToken>
        {
            [NameToken.Size] = new NumericToken(size),
            [NameToken.Root] = new IndirectReferenceToken(original.Root),
            [NameToken.Prev] = new NumericToken(original.LastXref.Offset),
        };
        if (original.Info is not null) trailer[NameToken.Info] = original.Info;
        if (original.Id is not null) trailer[NameToken.Id] = original.Id;
        return trailer;
    }
}
