using System.Globalization;
using Worker.Pdf.Reading;
using Worker.Signing;
using Worker.Signing.Bsre;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>API v1 (older installs): a multipart sign call answered with the PDF's bytes, through the same port and checks as v2.</summary>
public sealed class BsreV1ClientTests(BsrePortFixture fixture) : IClassFixture<BsrePortFixture>
{
    private IBsreClient V1 => fixture.Bsre.Client(fixture.Options.Signers["kadis-v1"]);

    [Fact]
    public async Task SignAsync_AcceptsTheV1Output_WhenTheOfficialSignsIncrementally_AndSendsTheStampAsImageTtd()
    {
        var input = fixture.Work.File($"in-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(input, TestPdfs.Unique("pdflatex-4-pages.pdf"));
        var request = fixture.Request(input, "kadis-v1", fixture.Service.Passphrase);
        await fixture.Port.SignAsync(request, CancellationToken.None);

        var original = File.ReadAllBytes(input);
        Assert.True(File.ReadAllBytes(request.OutputPath).AsSpan(0, original.Length).SequenceEqual(original));
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, request.OutputPath);
        Assert.Contains("Signature is Valid", pdfsig.Stdout);
        Assert.Contains("Certificate is Trusted", pdfsig.Stdout);
        Assert.Contains($"serialNumber={BsreTestPki.Official.Nik}", pdfsig.Stdout);
        var fields = fixture.Service.LastV1Fields;
        Assert.Equal("visible", fields["tampilan"]);
        Assert.Equal("true", fields["image"]);
        Assert.Equal("4", fields["page"]);
        Assert.Equal(BsreTestPki.Official.Nik, fields["nik"]);
        double At(string key) => double.Parse(fields[key], CultureInfo.InvariantCulture);
        BsreStampAssert.ShowsStampAndQr(request.OutputPath, original, 4, new PdfBox(At("xAxis"), At("yAxis"), At("xAxis") + At("width"), At("yAxis") + At("height")),
            $"{fixture.Options.PublicBaseUrl}/verify/{request.DocumentId}");
    }

    [Fact]
    public async Task SignPdfAsync_SaysWrongPassphrase_AndNeverRepeatsIt_WhenThePassphraseIsWrong()
    {
        var e = await Assert.ThrowsAsync<BsreException>(() => V1.SignPdfAsync(
            new BsreIdentity { Nik = BsreTestPki.Official.Nik, Email = "" }, new PersonalSecret("salah-v1-4321"),
            [TestPdfs.Corpus("minimal-document.pdf")], [new BsreSignature { Reason = "r", Location = "l", ContactInfo = "c" }], CancellationToken.None));
        Assert.Equal(BsreFailure.WrongPassphrase, e.Failure);
        Assert.DoesNotContain("salah-v1-4321", e.ToString());
    }

    [Fact]
    public async Task SignAsync_RefusesTheV1Output_WhenTheServiceRewroteTheFile()
    {
        var input = fixture.Work.File($"in-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(input, TestPdfs.Unique("minimal-document.pdf"));
        var request = fixture.Request(input, "kadis-v1", fixture.Service.Passphrase);
        fixture.Service.Mode = BsreTestMode.Rewritten;
        try { await Assert.ThrowsAsync<SignedOutputRefusedException>(() => fixture.Port.SignAsync(request, CancellationToken.None)); }
        finally { fixture.Service.Mode = BsreTestMode.Normal; }
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task CheckStatusAsync_ReadsTheStatusByNikInThePath()
    {
        Assert.True((await V1.CheckStatusAsync(new BsreIdentity { Nik = BsreTestPki.Official.Nik, Email = "" }, CancellationToken.None)).CanSign);
        var none = await V1.CheckStatusAsync(new BsreIdentity { Nik = TestBsreService.NikWithoutCertificate, Email = "" }, CancellationToken.None);
        Assert.Equal("NO_CERTIFICATE", none.Status);
    }
}
