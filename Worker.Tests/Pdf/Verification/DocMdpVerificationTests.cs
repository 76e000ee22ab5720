using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Verification;

/// <summary>
/// A certification signature's DocMDP permission bounds what may follow it: /P 1 nothing but long-term validation data
/// (a DSS), /P 2 form filling and signatures. A change beyond it is reported on the certifying signature.
/// </summary>
public sealed class DocMdpVerificationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Verify_ReportsTheCertificationInvalid_WhenASignatureFollowsANoChangesCertification()
    {
        var certified = await CertifiedLetterAsync(permission: 1);
        var approved = _temp.File("approved.pdf");
        using (var key = DemoPki.Instance.All[1].Open())
            await CertifyingSigner.SignAsync(certified, approved, key, "Approval", permission: null);

        var results = PdfSignatureVerifier.Verify(approved, DemoPki.Instance.Trust);

        var certification = Assert.Single(results, r => r.FieldName == "Certification");
        Assert.False(certification.IsValid, certification.Summary);
        Assert.Contains("DocMDP", certification.Summary);
        Assert.Contains("a later signature", certification.Summary);
        Assert.True(Assert.Single(results, r => r.FieldName == "Approval").IsIntact);
    }

    [Fact]
    public async Task Verify_StaysValid_WhenADssFollowsANoChangesCertification()
    {
        var certified = await CertifiedLetterAsync(permission: 1);
        var withDss = _temp.File("dss.pdf");
        Revisions.Append(certified, withDss, (pdf, update) =>
        {
            var certificate = update.Add(new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Length] = new NumericToken(3) }), [1, 2, 3]));
            var dss = update.Add(new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("Certs")] = new ArrayToken([new IndirectReferenceToken(certificate)]) }));
            update.Set(pdf.Root, pdf.Catalog.With(NameToken.Create("DSS"), new IndirectReferenceToken(dss)));
        });

        var result = Assert.Single(PdfSignatureVerifier.Verify(withDss, DemoPki.Instance.Trust));
        Assert.True(result.IsValid, result.Summary);
    }

    [Fact]
    public async Task Verify_StaysValid_WhenOurSignatureFollowsAFormFillingCertification()
    {
        var certified = await CertifiedLetterAsync(permission: 2);
        var approved = _temp.File("approved.pdf");
        using (var key = DemoPki.Instance.All[1].Open())
            await TestSigning.SignAsync(certified, approved, key);

        var results = PdfSignatureVerifier.Verify(approved, DemoPki.Instance.Trust);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, $"{r.FieldName}: {r.Summary}"));
    }

    /// <summary>The one-page letter, certified by the demo RSA signer with DocMDP /P <paramref name="permission"/>.</summary>
    private async Task<string> CertifiedLetterAsync(int permission)
    {
        var letter = _temp.File("letter.pdf");
        RawRevision.CreateLetter(letter, "PAY 1,000");
        var certified = _temp.File("certified.pdf");
        using (var key = DemoPki.Instance.Rsa.Open())
            await CertifyingSigner.SignAsync(letter, certified, key, "Certification", permission);
        var result = Assert.Single(PdfSignatureVerifier.Verify(certified, DemoPki.Instance.Trust));
        Assert.True(result.IsValid, result.Summary);
        return certified;
    }
}
