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
}
