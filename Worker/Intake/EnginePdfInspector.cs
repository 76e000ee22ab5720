using Worker.Pdf.Checking;

namespace Worker.Intake;

/// <summary>Intake's check is the PDF engine's own: a file is taken only if the signer will accept it later.</summary>
public sealed class EnginePdfInspector : IPdfInspector
{
    public PdfInspection Inspect(string path)
    {
        var result = PdfCheck.Check(path);
        return result.Outcome switch
        {
            PdfCheckOutcome.Ok => PdfInspection.Fine(result.PageCount ?? 0, string.IsNullOrWhiteSpace(result.Title) ? null : result.Title.Trim()),
            PdfCheckOutcome.Empty => PdfInspection.Refused(IntakeProblem.Empty),
            PdfCheckOutcome.NotPdf => PdfInspection.Refused(IntakeProblem.NotPdf),
            PdfCheckOutcome.Encrypted => PdfInspection.Refused(IntakeProblem.Encrypted),
            PdfCheckOutcome.NoPages => PdfInspection.Refused(IntakeProblem.NoPages),
            _ => PdfInspection.Refused(IntakeProblem.Damaged(Shorten(result.Reason ?? "unreadable"))),
        };
    }

    private static string Shorten(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
