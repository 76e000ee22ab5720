using System.Text;
using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Signatures;

/// <summary>Builds the widget's /AP /N form XObject.</summary>
public static class AppearanceStream
{
    /// <summary>The visible stamp: the drawing in a Width x Height box, turned by the placement's matrix.</summary>
    public static StreamToken Visible(WidgetPlacement placement, StampAppearance appearance)
    {
        var fonts = appearance.Fonts.ToDictionary(f => NameToken.Create(f.Key), f => (IToken)StandardFont(f.Value));
        var resources = new Dictionary<NameToken, IToken>();
        if (fonts.Count > 0) resources[NameToken.Font] = new DictionaryToken(fonts);
        return Form(placement.Width, placement.Height, placement.Matrix, new DictionaryToken(resources), appearance.Content);
    }

    /// <summary>A standard-14 Type1 font in WinAnsiEncoding, with its /Widths when we know them (Helvetica).</summary>
    public static DictionaryToken StandardFont(string baseFont)
    {
        var font = new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Font,
            [NameToken.Subtype] = NameToken.Type1,
            [NameToken.BaseFont] = NameToken.Create(baseFont),
            [NameToken.Encoding] = NameToken.WinAnsiEncoding,
        };
        if (Stamp.HelveticaMetrics.Widths(baseFont) is { } widths)
        {
            font[NameToken.FirstChar] = new NumericToken(Stamp.HelveticaMetrics.FirstCode);
            font[NameToken.LastChar] = new NumericToken(255);
            font[NameToken.Widths] = new ArrayToken([.. widths.Select(w => (IToken)new NumericToken(w))]);
        }
        return new DictionaryToken(font);
    }

    /// <summary>An empty appearance for an invisible signature (PDF 2.0 wants every widget to have one).</summary>
    public static StreamToken Empty() => Form(0, 0, [1, 0, 0, 1, 0, 0], DictionaryToken.Empty, Encoding.ASCII.GetBytes(""));

    private static StreamToken Form(double width, double height, double[] matrix, DictionaryToken resources, byte[] content) =>
        new(new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Xobject,
            [NameToken.Subtype] = NameToken.Form,
            [NameToken.Bbox] = Numbers(0, 0, width, height),
            [NameToken.Matrix] = Numbers(matrix),
            [NameToken.Resources] = resources,
        }), content);

    /// <summary>An array of numbers.</summary>
    public static ArrayToken Numbers(params double[] values) =>
        new(values.Select(v => (IToken)new NumericToken(Math.Round(v, 4))).ToList());
}
