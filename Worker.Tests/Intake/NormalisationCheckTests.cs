using Worker.Intake;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

public sealed class NormalisationCheckTests
{
    private static NormalisationReason? Check(byte[] bytes)
    {
        using var temp = new TempDirectory();
        var path = temp.File("in.pdf");
        File.WriteAllBytes(path, bytes);
        return NormalisationCheck.Check(path);
    }

    [Theory]
    [InlineData("google-doc-document.pdf")]
    [InlineData("minimal-document.pdf")]
    [InlineData("pdflatex-4-pages.pdf")]
    public void Check_TakesTheFileAsFound_WhenItHasOneCleanRevision(string corpus) => Assert.Null(Check(TestPdfs.Unique(corpus)));

    [Theory]
    [InlineData("google-doc-document.pdf")]
    [InlineData("minimal-document.pdf")]
    public void Check_AsksForNormalising_WhenStartXrefIsWrong(string corpus) =>
        Assert.Equal(NormalisationReason.WrongStartXref, Check(BrokenPdfs.WrongStartXref(corpus)));

    [Fact]
    public void Check_AsksForNormalising_WhenStartXrefPointsPastTheEnd() =>
        Assert.Equal(NormalisationReason.WrongStartXref, Check(BrokenPdfs.WrongStartXref("google-doc-document.pdf", by: 10_000_000)));

    [Fact]
    public void Check_AsksForNormalising_WhenTheFileHasTwoRevisions() =>
        Assert.Equal(NormalisationReason.SeveralRevisions, Check(BrokenPdfs.TwoRevisions("minimal-document.pdf", "tersembunyi")));

    [Fact]
    public void Check_AsksForNormalising_WhenTheTrailerSizePassesTheObjectNumberLimit() =>
        Assert.Equal(NormalisationReason.ObjectNumbersTooHigh, Check(BrokenPdfs.HugeSize()));

    [Fact]
    public void Check_AsksForNormalising_WhenAnObjectIsNumberedPastTheLimit() =>
        Assert.Equal(NormalisationReason.ObjectNumbersTooHigh, Check(BrokenPdfs.HugeObjectNumber()));

    [Fact]
    public void Check_LeavesATruncatedFileToThePdfCheck_WhenItHasNoStartXrefAtAll() =>
        Assert.Null(Check(TestPdfs.Corpus("minimal-document.pdf")[..5000]));
}
