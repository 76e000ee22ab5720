using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Verification;

public class SignatureFieldFinderTests
{
    [Fact]
    public async Task Verify_ReportsOneLineWithAProblem_WhenASecondFieldSharesTheSignatureValue()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        await TestSigning.SignAsync(RepoPaths.CorpusFile("habibi.pdf"), temp.File("signed.pdf"), rsa);

        // The attack: one more field whose /V is the existing signature dictionary, hoping for two VALID lines.
        Revisions.Append(temp.File("signed.pdf"), temp.File("twice.pdf"), (pdf, update) =>
        {
            var form = (DictionaryToken)pdf.Get(pdf.Catalog, "AcroForm")!;
            var fields = (ArrayToken)pdf.Get(form, "Fields")!;
            var original = (DictionaryToken)pdf.Resolve(fields.Data[^1])!;
            var copy = update.Add(new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Ft] = NameToken.Sig,
                [NameToken.T] = new StringToken("Copy"),
                [NameToken.V] = original.Data["V"],
            }));
            update.Set(pdf.Root, pdf.Catalog.With(NameToken.AcroForm, form.With(NameToken.Fields, new ArrayToken([.. fields.Data, new IndirectReferenceToken(copy)]))));
        });

        var result = Assert.Single(PdfSignatureVerifier.Verify(temp.File("twice.pdf"), DemoPki.Instance.Trust));
        Assert.Equal(SignatureVerdict.Invalid, result.Verdict);
        Assert.Contains(result.Problems, p => p.StartsWith("two fields share one signature value", StringComparison.Ordinal) && p.Contains("Copy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_FindsTheFieldAndNotesIt_WhenItIsOnlyInThePageAnnotations()
    {
        using var temp = new TempDirectory();
        // pdfsig leaves its new field out of this form's /Fields; only the page's /Annots lead to it.
        Assert.Equal(0, PopplerSigner.Instance.Sign(RepoPaths.CorpusFile("libreoffice-form.pdf"), temp.File("signed.pdf")).ExitCode);

        var result = Assert.Single(PdfSignatureVerifier.Verify(temp.File("signed.pdf"), DemoPki.Instance.Trust));

        Assert.True(result.IsValid, result.Summary);
        Assert.Contains(result.Notes, n => n.Contains("only through a page's annotations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_FinishesQuickly_WhenTheFieldTreeSharesKidsAtEveryLevel()
    {
        using var temp = new TempDirectory();
        // Forty levels, each node listing the next one twice: 2^40 paths through 40 objects.
        Revisions.Append(RepoPaths.CorpusFile("habibi.pdf"), temp.File("dag.pdf"), (pdf, update) =>
        {
            var nodes = Enumerable.Range(0, 40).Select(_ => update.Allocate()).ToList();
            for (var i = 0; i < nodes.Count; i++)
            {
                var node = new Dictionary<NameToken, IToken> { [NameToken.T] = new StringToken($"n{i}"), [NameToken.Ft] = NameToken.Sig };
                if (i + 1 < nodes.Count)
                    node[NameToken.Kids] = new ArrayToken([new IndirectReferenceToken(nodes[i + 1]), new IndirectReferenceToken(nodes[i + 1])]);
                update.Set(nodes[i], new DictionaryToken(node));
            }
            var form = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Fields] = new ArrayToken([new IndirectReferenceToken(nodes[0])]) });
            update.Set(pdf.Root, pdf.Catalog.With(NameToken.AcroForm, form));
        });

        var verify = Task.Run(() => PdfSignatureVerifier.Verify(temp.File("dag.pdf"), DemoPki.Instance.Trust));

        Assert.Empty(await verify.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
