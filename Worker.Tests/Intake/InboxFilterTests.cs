using Worker.Configuration;
using Worker.Intake;

namespace Worker.Tests.Intake;

public sealed class InboxFilterTests
{
    [Theory]
    [InlineData("surat.pdf", true)]
    [InlineData("SURAT.PDF", true)]
    [InlineData("Surat Undangan 2025.Pdf", true)]
    [InlineData("surat.docx", false)]
    [InlineData(".surat.pdf", false)]
    [InlineData("~$surat.pdf", false)]
    [InlineData("surat.pdf.tmp", false)]
    [InlineData("surat.pdf.part", false)]
    [InlineData("surat.pdf.crdownload", false)]
    [InlineData("surat.pdf.json", false)]
    [InlineData(".processing", false)]
    public void Takes_FollowsDefaultPatterns_WhenRouteHasNone(string name, bool taken) =>
        Assert.Equal(taken, InboxFilter.For(new RouteOptions()).Takes(name));

    [Fact]
    public void Takes_AppliesIncludeAndExclude_WhenRouteHasThem()
    {
        var filter = InboxFilter.For(new RouteOptions { Include = ["SK-*.pdf", "*.PDF"], Exclude = ["*-draft.pdf"] });
        Assert.True(filter.Takes("sk-001.pdf"));
        Assert.True(filter.Takes("memo.pdf"));
        Assert.False(filter.Takes("sk-001-draft.pdf"));
        Assert.False(filter.Takes("memo.tmp"));
    }

    [Theory]
    [InlineData("laporan.docx", true)]
    [InlineData("foto.JPG", true)]
    [InlineData("tanpa-ekstensi", true)]
    [InlineData("draft-surat.pdf", true)]
    [InlineData("~$laporan.docx", false)]
    [InlineData(".DS_Store", false)]
    [InlineData("Thumbs.db", false)]
    [InlineData("desktop.ini", false)]
    [InlineData("unduhan.pdf.crdownload", false)]
    [InlineData("surat.pdf.json", false)]
    public void Answers_IsTrueForEveryFileAClerkDrops_AndFalseForTemporaryAndSystemFiles(string name, bool answered) =>
        Assert.Equal(answered, InboxFilter.For(new RouteOptions { Exclude = ["draft-*"] }).Answers(name));

    [Fact]
    public void Refusal_SaysWhatIsAcceptedOrWhichPatternExcludes_WhenTheNameIsNotTaken()
    {
        var filter = InboxFilter.For(new RouteOptions { Exclude = ["draft-*"] });
        Assert.Contains("Berkas .docx tidak diterima", filter.Refusal("Laporan.DOCX")!.Indonesian);
        Assert.Contains("*.pdf", filter.Refusal("laporan.docx")!.English);
        Assert.Contains("draft-*", filter.Refusal("draft-surat.pdf")!.Indonesian);
        Assert.Null(filter.Refusal("surat.pdf"));
    }
}
