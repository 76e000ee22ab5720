using Worker.Signing;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Csc;

/// <summary>
/// The CSC signer behind the port: our engine's PAdES signature around the value the service signed with its key
/// (BouncyCastle, not our code), judged by poppler's pdfsig; an answer from the wrong credential is never kept.
/// </summary>
public sealed class CscSignerTests(CscPortFixture fixture) : IClassFixture<CscPortFixture>
{
    private string Input(string corpus = "minimal-document.pdf")
    {
        var path = fixture.Work.File($"in-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, TestPdfs.Corpus(corpus));
        return path;
    }

    private static void AssertValidInPdfsig(string output, string input, string nssDirectory, string subjectPart)
    {
        Assert.True(File.ReadAllBytes(output).AsSpan().StartsWith(File.ReadAllBytes(input)), "the output must start with the input's bytes");
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + nssDirectory, output);
        Assert.Contains("Signature is Valid", pdfsig.Stdout);
        Assert.Contains("Certificate is Trusted", pdfsig.Stdout);
        Assert.Contains("ETSI.CAdES.detached", pdfsig.Stdout);
        Assert.Contains(subjectPart, pdfsig.Stdout);
    }

    [Fact]
    public async Task SignAsync_WritesAPadesSignatureValidInPdfsig_WithTheOfficialsRsaCredential()
    {
        var input = Input("pdflatex-4-pages.pdf");
        var request = fixture.Request(input, "kadis-csc", fixture.Service.Official.Pin);
        await fixture.Port.SignAsync(request, CancellationToken.None);
        AssertValidInPdfsig(request.OutputPath, input, BsreTestPki.Instance.NssDirectory, $"serialNumber={BsreTestPki.Official.Nik}");
    }

    [Theory]
    [InlineData(CscTestMode.Normal)]
    [InlineData(CscTestMode.RawEcdsa)]
    public async Task SignAsync_WritesAValidEcdsaSignature_WithAP256Credential_WhetherTheServiceAnswersDerOrRawValues(CscTestMode mode)
    {
        var input = Input();
        var request = fixture.Request(input, "ec-csc", fixture.Service.Ec.Pin);
        fixture.Service.Mode = mode;
        try { await fixture.Port.SignAsync(request, CancellationToken.None); }
        finally { fixture.Service.Mode = CscTestMode.Normal; }
        AssertValidInPdfsig(request.OutputPath, input, DemoPki.Instance.NssDirectory, "Test Signer P-256");
    }

    [Fact]
    public async Task SignAsync_LeavesNoOutput_WhenTheServiceSignsWithAnotherOfficialsCredential()
    {
        var request = fixture.Request(Input(), "kadis-csc", fixture.Service.Official.Pin);
        fixture.Service.Mode = CscTestMode.OtherCredential;
        try
        {
            var e = await Assert.ThrowsAsync<SignedOutputRefusedException>(() => fixture.Port.SignAsync(request, CancellationToken.None));
            Assert.Contains($"does not carry NIK {BsreTestPki.Official.Nik}", e.Message);
        }
        finally { fixture.Service.Mode = CscTestMode.Normal; }
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task SignAsync_Refuses_WithoutThePinTheOfficialTyped()
    {
        var before = fixture.Service.Signed;
        var request = fixture.Request(Input(), "kadis-csc", pin: null);
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Port.SignAsync(request, CancellationToken.None));
        Assert.Equal(before, fixture.Service.Signed);
        Assert.True(fixture.Port.NeedsSecret("kadis-csc"));
    }
}
