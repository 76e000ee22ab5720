using UglyToad.PdfPig.Tokens;
using Worker.Pdf;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Signatures;

public class DocMdpGuardTests
{
    [Fact]
    public async Task Sign_Refuses_WhenCertificationForbidsChanges()
    {
        using var temp = new TempDirectory();
        Certify(RepoPaths.CorpusFile("habibi.pdf"), temp.File("certified.pdf"), permission: 1);
        using var rsa = DemoPki.Instance.Rsa.Open();

        var e = await Assert.ThrowsAsync<PdfRefusedException>(() => TestSigning.SignAsync(temp.File("certified.pdf"), temp.File("out.pdf"), rsa));

        Assert.Equal(PdfRefusal.ChangesForbidden, e.Kind);
        Assert.False(File.Exists(temp.File("out.pdf")));
    }

    [Fact]
    public async Task Sign_Signs_WhenCertificationAllowsFormFillingAndSigning()
    {
        using var temp = new TempDirectory();
        Certify(RepoPaths.CorpusFile("habibi.pdf"), temp.File("certified.pdf"), permission: 2);
        using var rsa = DemoPki.Instance.Rsa.Open();

        var result = await TestSigning.SignAsync(temp.File("certified.pdf"), temp.File("out.pdf"), rsa);

        Assert.True(result.Verification.IsValid);
    }

    // Only the structure DocMDP is read from; the certification signature itself is not needed to refuse.
    private static void Certify(string input, string output, int permission) =>
        Revisions.Append(input, output, (pdf, update) =>
        {
            var transform = new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Create("SigRef"),
                [NameToken.Create("TransformMethod")] = NameToken.Create("DocMDP"),
                [NameToken.Create("TransformParams")] = new DictionaryToken(new Dictionary<NameToken, IToken>
                {
                    [NameToken.P] = new NumericToken(permission),
                    [NameToken.V] = NameToken.Create("1.2"),
                }),
            });
            var signature = update.Add(new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Sig,
                [NameToken.Create("Reference")] = new ArrayToken([transform]),
            }));
            var perms = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("DocMDP")] = new IndirectReferenceToken(signature) });
            update.Set(pdf.Root, pdf.Catalog.With(NameToken.Perms, perms));
        });
}
