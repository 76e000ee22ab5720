using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Verification;

/// <summary>A file signed while its page tree was unreadable must not gain visible pages afterwards.</summary>
public class RepairedPageTreeTests
{
    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionMakesTheUnreadablePageTreeReadable()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        await TestSigning.SignAsync(RepositoryPaths.CorpusFile(Corpus.UnreadablePageTree), temp.File("signed.pdf"), rsa);

        // Object 172 is the catalog's /Pages; object 178 is the linearized file's first page, whose /Parent is 172.
        Revisions.Append(temp.File("signed.pdf"), temp.File("repaired.pdf"), (_, update) =>
            update.Set(new IndirectReference(172, 0), new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Pages,
                [NameToken.Kids] = new ArrayToken([new IndirectReferenceToken(new IndirectReference(178, 0))]),
                [NameToken.Count] = new NumericToken(1),
            })));

        var result = PdfSignatureVerifier.Verify(temp.File("repaired.pdf"), DemoPki.Instance.Trust).Single();
        Assert.True(result.DigestMatches);
        Assert.False(result.LaterChangesAllowed);
        Assert.Contains("page tree was unreadable when signed", result.Summary);
    }
}
