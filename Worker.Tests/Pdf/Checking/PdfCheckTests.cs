using Worker.Pdf.Checking;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Checking;

public class PdfCheckTests
{
    [Fact]
    public void Check_ReturnsPageCountAndTitle_WhenFileIsReadable()
    {
        var result = PdfCheck.Check(RepoPaths.CorpusFile("pdflatex-4-pages.pdf"));

        Assert.Equal(PdfCheckOutcome.Ok, result.Outcome);
        Assert.Equal(4, result.PageCount);
    }

    [Fact]
    public void Check_ReturnsTitle_WhenMetadataHasOne()
    {
        var withTitle = Directory.GetFiles(RepoPaths.Corpus, "*.pdf").Select(PdfCheck.Check).Where(r => r.Title is not null).ToList();

        Assert.NotEmpty(withTitle);
    }

    [Theory]
    [InlineData(Corpus.Encrypted, PdfCheckOutcome.Encrypted)]
    [InlineData(Corpus.UnreadablePageTree, PdfCheckOutcome.NeedsRepair)]
    public void Check_ClassifiesCorpusFile(string name, PdfCheckOutcome expected)
    {
        var result = PdfCheck.Check(RepoPaths.CorpusFile(name));

        Assert.Equal(expected, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void Check_ClassifiesEmptyTextAndTruncatedFiles()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("empty.pdf"), []);
        File.WriteAllText(temp.File("text.pdf"), "Dear clerk,\nthis is a letter.\n");
        var bytes = File.ReadAllBytes(RepoPaths.CorpusFile("habibi.pdf"));
        File.WriteAllBytes(temp.File("cut.pdf"), bytes[..(bytes.Length / 2)]);

        Assert.Equal(PdfCheckOutcome.Empty, PdfCheck.Check(temp.File("empty.pdf")).Outcome);
        Assert.Equal(PdfCheckOutcome.NotPdf, PdfCheck.Check(temp.File("text.pdf")).Outcome);
        Assert.Equal(PdfCheckOutcome.Damaged, PdfCheck.Check(temp.File("cut.pdf")).Outcome);
    }
}
