using System.Globalization;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Signatures;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Stamp;

/// <summary>
/// A complete one-page PDF whose page is exactly the stamp's box and holds only its drawing, for a signing service that
/// draws the stamp as a picture (BSrE): a renderer turns this page into the picture, so it shows the same stamp as ours.
/// </summary>
public static class StampPdf
{
    /// <summary>
    /// The PDF of <paramref name="appearance"/> on a <paramref name="width"/> × <paramref name="height"/> page, turned by
    /// <paramref name="rotate"/> degrees clockwise (0, 90, 180, 270) as a viewer shows it.
    /// </summary>
    public static byte[] Write(StampAppearance appearance, double width, double height, int rotate = 0)
    {
        ArgumentNullException.ThrowIfNull(appearance);
        if (!(width > 0 && height > 0)) throw new ArgumentException("the stamp's page needs a positive width and height");
        if (rotate is not (0 or 90 or 180 or 270)) throw new ArgumentOutOfRangeException(nameof(rotate), rotate, "a page turns by 0, 90, 180 or 270 degrees");
        var fontNames = appearance.Fonts.Keys.Order(StringComparer.Ordinal).ToList();
        // Objects 1-4 are the catalog, the page tree, the page and its content; the fonts follow.
        var fonts = fontNames.Select((name, i) => (Name: name, Reference: new IndirectReferenceToken(new IndirectReference(5 + i, 0)))).ToList();
        var page = new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Page,
            [NameToken.Parent] = Reference(2),
            [NameToken.MediaBox] = AppearanceStream.Numbers(0, 0, width, height),
            [NameToken.Resources] = new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Font] = new DictionaryToken(fonts.ToDictionary(f => NameToken.Create(f.Name), f => (IToken)f.Reference)),
            }),
            [NameToken.Contents] = Reference(4),
        };
        if (rotate != 0) page[NameToken.Rotate] = new NumericToken(rotate);
        var objects = new List<IToken>
        {
            new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Type] = NameToken.Catalog, [NameToken.Pages] = Reference(2) }),
            new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Pages, [NameToken.Kids] = new ArrayToken([Reference(3)]), [NameToken.Count] = new NumericToken(1),
            }),
            new DictionaryToken(page),
            new StreamToken(DictionaryToken.Empty, appearance.Content),
        };
        objects.AddRange(fontNames.Select(name => (IToken)AppearanceStream.StandardFont(appearance.Fonts[name])));
        return Serialize(objects);
    }

    private static IndirectReferenceToken Reference(int number) => new(new IndirectReference(number, 0));

    private static byte[] Serialize(List<IToken> objects)
    {
        using var output = new MemoryStream();
        var writer = new PdfTokenSerializer(output);
        writer.Ascii("%PDF-1.7\n");
        // A binary comment line, so transfer tools treat the file as binary.
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            writer.Ascii($"{i + 1} 0 obj\n");
            writer.Write(objects[i]);
            writer.Ascii("\nendobj\n");
        }
        var xref = output.Position;
        writer.Ascii($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) writer.Ascii(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        writer.Ascii(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }
}
