using Worker.Pdf;
using Worker.Pdf.Reading;
using Worker.Pdf.Syntax;
using Worker.Tests.Pdf.Hostile;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Reading;

/// <summary>
/// The limits no hostile shape reaches at its default (the walk's time, the object count, a tree's node count, the inflated
/// totals), each lowered until an ordinary file hits it: refused as damaged with the limit named, never read further.
/// </summary>
public class StrictPreWalkLimitTests
{
    // 60 levels of page tree and a page, all in one object stream: 62 objects, about 3 KB inflated.
    private static readonly byte[] DeepButAllowed = HostilePdfs.DeepPageTree(60);

    public static TheoryData<string, string> Limits() => new()
    {
        { "MaxWalkTime", "reading the structure takes longer than 0 s" },
        { "MaxObjects", "more than 10 objects" },
        { "MaxTreeNodes", "the page tree has more than 10 nodes" },
        { "MaxObjectStreamBytes", "the object streams together inflate beyond the limit" },
        { "MaxTotalDecodedBytes", "the streams together inflate beyond 100 bytes" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Check_RefusesAsDamagedNamingTheLimit_WhenTheFileGoesPastIt(string limit, string reason)
    {
        var file = limit == "MaxTotalDecodedBytes" ? TestPdfs.Corpus("minimal-document.pdf") : DeepButAllowed;
        Assert.InRange(StrictPreWalk.Check(new MemoryStream(file, writable: false), SyntaxLimits.Default).Revisions, 1, 2);

        var refusal = Assert.Throws<PdfRefusedException>(() => StrictPreWalk.Check(new MemoryStream(file, writable: false), Lowered(limit)));

        Assert.Equal(PdfRefusal.Damaged, refusal.Kind);
        Assert.Equal($"damaged PDF: {reason}", refusal.Message);
    }

    private static SyntaxLimits Lowered(string limit) => limit switch
    {
        "MaxWalkTime" => SyntaxLimits.Default with { MaxWalkTime = TimeSpan.Zero },
        "MaxObjects" => SyntaxLimits.Default with { MaxObjects = 10 },
        "MaxTreeNodes" => SyntaxLimits.Default with { MaxTreeNodes = 10 },
        "MaxObjectStreamBytes" => SyntaxLimits.Default with { MaxObjectStreamBytes = 100 },
        "MaxTotalDecodedBytes" => SyntaxLimits.Default with { MaxTotalDecodedBytes = 100 },
        _ => throw new ArgumentOutOfRangeException(nameof(limit)),
    };
}
