using Worker.Intake;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

public sealed class EnginePdfInspectorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("inspector-").FullName;
    private readonly EnginePdfInspector inspector = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private PdfInspection Inspect(byte[] bytes)
    {
        var path = Path.Combine(folder, Guid.NewGuid() + ".pdf");
        File.WriteAllBytes(path, bytes);
        return inspector.Inspect(path);
    }

    [Theory]
    [InlineData("google-doc-document.pdf", 1, "PDF Example Document")]
    [InlineData("pdflatex-4-pages.pdf", 4, null)]
    [InlineData("annotated_pdf.pdf", 1, "Annotated PDF")]
    public void Inspect_ReadsPagesAndTitle_WhenPdfIsFine(string corpusName, int pages, string? title)
    {
        var result = Inspect(TestPdfs.Corpus(corpusName));
        Assert.True(result.Ok, result.ProblemEn);
        Assert.Equal(pages, result.PageCount);
        Assert.Equal(title, result.Title);
    }

    // unreadablemetadata.pdf signs (invisibly) but has no readable page tree: no approver could view it, so intake refuses it.
    private const string NoViewablePages = "unreadablemetadata.pdf";

    public static TheoryData<string> CorpusFiles() =>
        [.. Directory.GetFiles(RepoPaths.Corpus, "*.pdf").Select(p => Path.GetFileName(p))
            .Where(n => n is not ("libreoffice-writer-password.pdf" or NoViewablePages))];

    [Fact]
    public void Inspect_RefusesAsDamaged_WhenNoPageCanBeRead()
    {
        var result = Inspect(TestPdfs.Corpus(NoViewablePages));
        Assert.False(result.Ok);
        Assert.Contains("damaged", result.ProblemEn);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Inspect_Accepts_EveryUnencryptedCorpusFile(string corpusName)
    {
        var result = Inspect(TestPdfs.Corpus(corpusName));
        Assert.True(result.Ok, result.ProblemEn);
        Assert.True(result.PageCount >= 1);
    }

    [Fact]
    public void Inspect_Accepts_WhenACommentFollowsEof() => Assert.True(Inspect(TestPdfs.Unique()).Ok);

    [Fact]
    public void Inspect_ReadsGeneratedPdf() => Assert.Equal(3, Inspect(TestPdfs.Generated(3, "Tiga")).PageCount);

    [Theory]
    [InlineData("empty", "empty")]
    [InlineData("text", "not a PDF")]
    [InlineData("encrypted", "encrypted")]
    [InlineData("truncated", "damaged")]
    [InlineData("garbage", "damaged")]
    [InlineData("no-pages", "no pages")]
    public void Inspect_Refuses_WhenFileIsBad(string kind, string english)
    {
        var result = Inspect(kind switch
        {
            "empty" => [],
            "text" => "hello"u8.ToArray(),
            "encrypted" => TestPdfs.Corpus("libreoffice-writer-password.pdf"),
            "truncated" => TestPdfs.Corpus("minimal-document.pdf")[..5000],
            "garbage" => "%PDF-1.4\nthis is not a pdf body\n"u8.ToArray(),
            _ => TestPdfs.Generated(0),
        });
        Assert.False(result.Ok);
        Assert.Contains(english, result.ProblemEn);
        Assert.False(string.IsNullOrWhiteSpace(result.ProblemId));
    }
}
