using Worker.Pdf.Reading;

namespace Worker.Pdf.Checking;

/// <summary>Classifies an incoming file the way the signer will later treat it: ok, or why not.</summary>
public static class PdfCheck
{
    /// <summary>Checks the file at <paramref name="path"/> without changing it.</summary>
    public static PdfCheckResult Check(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Check(file);
    }

    /// <summary>Checks a readable, seekable stream.</summary>
    public static PdfCheckResult Check(Stream file)
    {
        try
        {
            using var pdf = PdfStructure.Open(file);
            var pages = pdf.Pages.Count;
            return pages == 0
                ? new PdfCheckResult { Outcome = PdfCheckOutcome.NoPages, Reason = "the PDF has no pages", PageCount = 0 }
                : new PdfCheckResult { Outcome = PdfCheckOutcome.Ok, PageCount = pages, Title = pdf.Title, Revisions = pdf.Revisions };
        }
        catch (PdfRefusedException e)
        {
            return new PdfCheckResult { Outcome = Map(e.Kind), Reason = e.Message };
        }
    }

    private static PdfCheckOutcome Map(PdfRefusal kind) => kind switch
    {
        PdfRefusal.Empty => PdfCheckOutcome.Empty,
        PdfRefusal.NotPdf => PdfCheckOutcome.NotPdf,
        PdfRefusal.Encrypted => PdfCheckOutcome.Encrypted,
        PdfRefusal.NoPages => PdfCheckOutcome.NoPages,
        PdfRefusal.NeedsRepair => PdfCheckOutcome.NeedsRepair,
        _ => PdfCheckOutcome.Damaged,
    };
}
