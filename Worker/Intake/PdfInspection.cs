namespace Worker.Intake;

/// <summary>The verdict on one file.</summary>
/// <param name="Ok">True when the file is a readable, unencrypted PDF with at least one page.</param>
/// <param name="PageCount">Number of pages (0 when not Ok).</param>
/// <param name="Title">The document's /Title, if it has a non-blank one.</param>
/// <param name="ProblemId">Why not, in Indonesian, for the clerk.</param>
/// <param name="ProblemEn">Why not, in English.</param>
/// <param name="ProblemDetail">What the parser said, for operators only.</param>
public sealed record PdfInspection(bool Ok, int PageCount, string? Title, string? ProblemId, string? ProblemEn, string? ProblemDetail = null)
{
    public static PdfInspection Fine(int pageCount, string? title) => new(true, pageCount, title, null, null);

    public static PdfInspection Refused(IntakeProblem problem) => new(false, 0, null, problem.Indonesian, problem.English, problem.Detail);
}
