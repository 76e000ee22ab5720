using System.Text;
using Worker.Pdf.Reading;

namespace Worker.Pdf.Stamp;

/// <summary>Finds a text anchor (e.g. "#ttd#") on a document's pages, also when the writer split it over several text runs.</summary>
internal static class AnchorFinder
{
    /// <summary>The first page holding <paramref name="anchor"/> and the anchor's box there, as the reader sees the page; null when absent.</summary>
    public static (int PageIndex, PdfBox Box)? Find(PdfStructure pdf, IReadOnlyList<PageInfo> pages, string anchor)
    {
        var wanted = WithoutSpaces(anchor);
        if (wanted.Length == 0) return null;
        foreach (var page in pages)
        {
            if (FindOn(pdf, page, wanted) is { } box) return (page.Index, box);
        }
        return null;
    }

    // Letters joined in content order without spaces: a run split ("#tt" + "d#") or spaced out by the writer still matches.
    private static PdfBox? FindOn(PdfStructure pdf, PageInfo page, string wanted)
    {
        IReadOnlyList<UglyToad.PdfPig.Content.Letter> letters;
        try
        {
            letters = pdf.Letters(page.Index);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A page whose text cannot be read has no anchor we could find; the fixed position is used instead.
            return null;
        }
        var text = new StringBuilder();
        var owner = new List<int>();
        for (var i = 0; i < letters.Count; i++)
        {
            foreach (var c in letters[i].Value.Where(c => !char.IsWhiteSpace(c)))
            {
                text.Append(c);
                owner.Add(i);
            }
        }
        var at = text.ToString().IndexOf(wanted, StringComparison.Ordinal);
        if (at < 0) return null;
        var hit = Enumerable.Range(owner[at], owner[at + wanted.Length - 1] - owner[at] + 1).Select(i => letters[i].BoundingBox).ToList();
        return Visible(page, hit.Min(r => r.Left), hit.Min(r => r.Bottom), hit.Max(r => r.Right), hit.Max(r => r.Top));
    }

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    // Unrotated user space to the visible page: the inverse of the turn the stamp's placement applies.
    private static PdfBox Visible(PageInfo page, double left, double bottom, double right, double top)
    {
        var crop = page.CropBox;
        (double X, double Y) Turn(double x, double y)
        {
            var (a, b) = (x - crop.Left, y - crop.Bottom);
            return page.Rotate switch
            {
                90 => (b, crop.Width - a),
                180 => (crop.Width - a, crop.Height - b),
                270 => (crop.Height - b, a),
                _ => (a, b),
            };
        }
        var (x1, y1) = Turn(left, bottom);
        var (x2, y2) = Turn(right, top);
        return PdfBox.FromCorners(x1, y1, x2, y2);
    }
}
