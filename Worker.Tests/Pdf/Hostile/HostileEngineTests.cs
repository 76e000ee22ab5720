using System.Diagnostics;
using Worker.Pdf.Checking;

namespace Worker.Tests.Pdf.Hostile;

/// <summary>The engine's own check (what intake runs) on each hostile shape: a refusal, quickly, never a crash.</summary>
public class HostileEngineTests
{
    [Theory]
    [MemberData(nameof(HostilePdfs.Names), MemberType = typeof(HostilePdfs))]
    public void Check_RefusesTheFile_WhenItIsHostile(string shape)
    {
        using var file = new MemoryStream(HostilePdfs.Get(shape), writable: false);
        var clock = Stopwatch.StartNew();

        var result = PdfCheck.Check(file);

        Assert.Contains(result.Outcome, (PdfCheckOutcome[])[PdfCheckOutcome.Damaged, PdfCheckOutcome.NeedsRepair]);
        Assert.DoesNotContain("\n", result.Reason ?? "\n");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("deep-page-tree-250k", "page tree is deeper than 64 levels")]
    [InlineData("deep-arrays", "nested deeper than 256")]
    [InlineData("deep-dictionaries", "nested deeper than 256")]
    [InlineData("deep-array-unreferenced-in-object-stream", "nested deeper than 256")]
    [InlineData("huge-size", "/Size")]
    [InlineData("huge-index", "/Index")]
    [InlineData("huge-trailer-size", "/Size")]
    [InlineData("wide-xref-fields", "wider than 8 bytes")]
    [InlineData("inflating-object-stream", "inflates beyond")]
    [InlineData("inflating-content-stream", "inflates beyond")]
    [InlineData("length-self-reference", "refers to itself")]
    [InlineData("length-1gb", "runs past the end of the file")]
    [InlineData("length-negative", "is negative")]
    [InlineData("page-tree-cycle", "not a tree")]
    [InlineData("string-30mb", "string longer than the limit")]
    public void Check_SaysDamagedAndWhy_WhenALimitIsHit(string shape, string why)
    {
        using var file = new MemoryStream(HostilePdfs.Get(shape), writable: false);

        var result = PdfCheck.Check(file);

        Assert.Equal(PdfCheckOutcome.Damaged, result.Outcome);
        Assert.Contains(why, result.Reason);
    }

    [Theory]
    [InlineData("prev-loop")]
    public void Check_SaysNeedsRepair_WhenOnlyTheCrossReferenceDataIsInexact(string shape)
    {
        using var file = new MemoryStream(HostilePdfs.Get(shape), writable: false);

        Assert.Equal(PdfCheckOutcome.NeedsRepair, PdfCheck.Check(file).Outcome);
    }

    [Fact]
    public void Check_AcceptsTheFile_WhenItsPageTreeIsDeepButWithinTheLimit()
    {
        using var file = new MemoryStream(HostilePdfs.DeepPageTree(60), writable: false);

        var result = PdfCheck.Check(file);

        Assert.Equal(PdfCheckOutcome.Ok, result.Outcome);
        Assert.Equal(1, result.PageCount);
    }
}
