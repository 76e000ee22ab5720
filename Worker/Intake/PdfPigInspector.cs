using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Worker.Intake;

/// <summary>The PDF check on PdfPig, until the PDF engine offers its own.</summary>
public sealed class PdfPigInspector : IPdfInspector
{
    // Some writers put a little junk before the header; PDF readers accept it within the first kilobyte.
    private const int HeaderWindow = 1024;

    public PdfInspection Inspect(string path)
    {
        var info = new FileInfo(path);
        if (info.Length == 0) return PdfInspection.Refused(IntakeProblem.Empty);
        if (!HasHeader(path)) return PdfInspection.Refused(IntakeProblem.NotPdf);
        try
        {
            using var document = PdfDocument.Open(path);
            if (document.IsEncrypted) return PdfInspection.Refused(IntakeProblem.Encrypted);
            var pages = document.NumberOfPages;
            if (pages == 0) return PdfInspection.Refused(IntakeProblem.NoPages);
            if (!PageTreeIsSound(document, pages))
            {
                // PdfPig repairs some broken trees on its own (lenient parsing); reading every page is the final word.
                for (var i = 1; i <= pages; i++) document.GetPage(i);
            }
            var title = document.Information.Title?.Trim();
            return PdfInspection.Fine(pages, string.IsNullOrEmpty(title) ? null : title);
        }
        catch (PdfDocumentEncryptedException)
        {
            return PdfInspection.Refused(IntakeProblem.Encrypted);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            // PdfPig reports damage with many exception types (format, index, null reference, invalid cast).
            return PdfInspection.Refused(IntakeProblem.Damaged(Shorten(e.Message)));
        }
    }

    private static bool PageTreeIsSound(PdfDocument document, int pages)
    {
        try
        {
            return PageTree.CountLeaves(document) == pages;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool HasHeader(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[HeaderWindow];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer.AsSpan(0, read).IndexOf("%PDF-"u8) >= 0;
    }

    private static string Shorten(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
