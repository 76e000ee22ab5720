using UglyToad.PdfPig.Tokens;
using Worker.Cli;
using Worker.Pdf;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Pdf.Verification;

public class PdfSignatureVerifierTests
{
    [Fact]
    public async Task Verify_ReportsInvalid_WhenOneByteOfTheSignedRangeIsFlipped()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        await TestSigning.SignAsync(RepoPaths.CorpusFile("pdflatex-outline.pdf"), temp.File("out.pdf"), rsa);
        Assert.True(PdfSignatureVerifier.Verify(temp.File("out.pdf"), DemoPki.Instance.Trust).Single().IsValid);

        TestSigning.FlipByteInFirstRange(temp.File("out.pdf"));

        var result = PdfSignatureVerifier.Verify(temp.File("out.pdf")).Single();
        Assert.False(result.IsValid);
        Assert.False(result.DigestMatches);
        Assert.Equal(ExitCode.SignatureInvalid, await CommandLine.RunAsync(["verify", temp.File("out.pdf")], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionChangesAPage()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        await TestSigning.SignAsync(RepoPaths.CorpusFile("habibi.pdf"), temp.File("signed.pdf"), rsa);

        Revisions.Append(temp.File("signed.pdf"), temp.File("changed.pdf"), (pdf, update) =>
            update.Set(pdf.Pages[0].Reference, pdf.Pages[0].Dictionary.With(NameToken.Rotate, new NumericToken(90))));

        var result = PdfSignatureVerifier.Verify(temp.File("changed.pdf")).Single();
        Assert.True(result.DigestMatches);
        Assert.False(result.LaterChangesAllowed);
        Assert.False(result.IsValid);
        Assert.Contains("changed after signing", result.Summary);
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionAddsANonSignatureAnnotation()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        await TestSigning.SignAsync(RepoPaths.CorpusFile("habibi.pdf"), temp.File("signed.pdf"), rsa);

        Revisions.Append(temp.File("signed.pdf"), temp.File("changed.pdf"), (pdf, update) =>
        {
            var note = update.Add(new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Annot,
                [NameToken.Subtype] = NameToken.Text,
                [NameToken.Rect] = new ArrayToken([new NumericToken(10), new NumericToken(10), new NumericToken(50), new NumericToken(50)]),
            }));
            var page = pdf.Pages[0];
            var annots = (ArrayToken)pdf.Get(page.Dictionary, "Annots")!;
            update.Set(page.Reference, page.Dictionary.With(NameToken.Annots, new ArrayToken([.. annots.Data, new IndirectReferenceToken(note)])));
        });

        Assert.False(PdfSignatureVerifier.Verify(temp.File("changed.pdf")).Single().LaterChangesAllowed);
    }

    [Fact]
    public async Task Verify_ReportsUntrusted_WhenTheSignerDoesNotChainToTheGivenRoot()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        await TestSigning.SignAsync(RepoPaths.CorpusFile("habibi.pdf"), temp.File("signed.pdf"), rsa);
        using var otherRoot = TestPki.SelfSigned(TestCertificate.Authority(TestPki.DemoName("Some Other Root")));

        var result = PdfSignatureVerifier.Verify(temp.File("signed.pdf"), [otherRoot]).Single();

        Assert.False(result.ChainTrusted);
        Assert.False(result.IsValid);
        Assert.True(PdfSignatureVerifier.Verify(temp.File("signed.pdf"), DemoPki.Instance.Trust).Single().ChainTrusted);
    }

    [Fact]
    public void Verify_Refuses_WhenFileIsNotAPdf()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("x.pdf"), "not a pdf");

        Assert.Equal(PdfRefusal.NotPdf, Assert.Throws<PdfRefusedException>(() => PdfSignatureVerifier.Verify(temp.File("x.pdf"))).Kind);
    }
}
