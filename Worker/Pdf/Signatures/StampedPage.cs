using Worker.Pdf.Reading;

namespace Worker.Pdf.Signatures;

/// <summary>The page a visible stamp goes on.</summary>
public static class StampedPage
{
    /// <summary>
    /// Page <paramref name="pageIndex"/> (zero-based; null for the last); null when the page tree cannot be read or is
    /// empty. A page that does not exist is a wrong request and is refused.
    /// </summary>
    public static PageInfo? Find(PdfStructure pdf, int? pageIndex)
    {
        var pages = pdf.TryReadPages(out _);
        if (pages is null || pages.Count == 0) return null;
        var index = pageIndex ?? pages.Count - 1;
        if (index < 0 || index >= pages.Count)
            throw new PdfRefusedException(PdfRefusal.DoesNotFit, $"page {index + 1} does not exist: the document has {pages.Count} page(s)");
        return pages[index];
    }
}
