using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Reading;

/// <summary>Walks /Pages depth-first, carrying the inheritable MediaBox, CropBox and Rotate down to each page.</summary>
internal static class PageTreeWalker
{
    // A4 portrait; only used for broken files that declare no MediaBox anywhere.
    private static readonly PdfBox DefaultMediaBox = new(0, 0, 595.276, 841.89);

    public static IReadOnlyList<PageInfo> Walk(PdfStructure pdf, IToken pagesRoot)
    {
        var pages = new List<PageInfo>();
        var visited = new HashSet<IndirectReference>();
        Visit(pdf, pagesRoot, null, null, 0, pages, visited, depth: 0);
        return pages;
    }

    private static void Visit(PdfStructure pdf, IToken node, PdfBox? media, PdfBox? crop, int rotate,
        List<PageInfo> pages, HashSet<IndirectReference> visited, int depth)
    {
        if (depth > 64 || node is not IndirectReferenceToken reference || !visited.Add(reference.Data))
            throw new PdfRefusedException(PdfRefusal.Damaged, "damaged PDF: the page tree is not a tree of indirect page objects");
        if (pdf.Resolve(node) is not DictionaryToken dict)
            throw new PdfRefusedException(PdfRefusal.Damaged, $"damaged PDF: page tree object {reference.Data.ObjectNumber} is missing, so no reader can show the pages");

        media = ReadBox(pdf, dict, NameToken.MediaBox) ?? media;
        crop = ReadBox(pdf, dict, NameToken.CropBox) ?? crop;
        if (pdf.Resolve(dict.Data.GetValueOrDefault(NameToken.Rotate.Data)) is NumericToken r)
            rotate = r.Int;

        if (pdf.Resolve(dict.Data.GetValueOrDefault(NameToken.Kids.Data)) is ArrayToken kids
            && !IsType(dict, NameToken.Page))
        {
            foreach (var kid in kids.Data)
                Visit(pdf, kid, media, crop, rotate, pages, visited, depth + 1);
            return;
        }

        var mediaBox = media ?? DefaultMediaBox;
        pages.Add(new PageInfo
        {
            Index = pages.Count,
            Reference = reference.Data,
            Dictionary = dict,
            MediaBox = mediaBox,
            CropBox = crop?.Intersect(mediaBox) ?? mediaBox,
            Rotate = ((rotate % 360) + 360) % 360 / 90 * 90,
        });
    }

    private static bool IsType(DictionaryToken dict, NameToken type) =>
        dict.Data.GetValueOrDefault(NameToken.Type.Data) is NameToken t && t.Equals(type);

    private static PdfBox? ReadBox(PdfStructure pdf, DictionaryToken dict, NameToken key)
    {
        if (pdf.Resolve(dict.Data.GetValueOrDefault(key.Data)) is not ArrayToken array || array.Data.Count != 4)
            return null;
        var n = array.Data.Select(pdf.Resolve).OfType<NumericToken>().Select(t => t.Double).ToArray();
        return n.Length == 4 ? PdfBox.FromCorners(n[0], n[1], n[2], n[3]) : null;
    }
}
