using Worker.Signing;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>
/// The port's post-conditions against outputs we did not make: pdfsig signing as the test BSrE service, honest and
/// broken, and our own engine's output tampered with afterwards. A refused output is never left behind.
/// </summary>
public sealed class SigningPortTests(BsrePortFixture fixture) : IClassFixture<BsrePortFixture>
{
    private string Original(string corpus = "minimal-document.pdf")
    {
        var path = fixture.Work.File($"in-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, TestPdfs.Unique(corpus));
        return path;
    }

    private async Task<string> RefusedAsync(SigningRequest request)
    {
        var e = await Assert.ThrowsAsync<SignedOutputRefusedException>(() => fixture.Port.SignAsync(request, CancellationToken.None));
        Assert.False(File.Exists(request.OutputPath), "a refused output must not be left where it could be filed");
        return e.Message;
    }

    [Fact]
    public async Task SignAsync_AcceptsTheBsreOutput_WhenItIsAnIncrementalSignatureByTheOfficial()
    {
        fixture.Service.Mode = BsreTestMode.Normal;
        var input = Original("pdflatex-4-pages.pdf");
        var request = fixture.Request(input, "kadis", fixture.Service.Passphrase);
        await fixture.Port.SignAsync(request, CancellationToken.None);

        var original = await File.ReadAllBytesAsync(input);
        var signed = await File.ReadAllBytesAsync(request.OutputPath);
        Assert.True(signed.AsSpan(0, original.Length).SequenceEqual(original));
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, request.OutputPath);
        Assert.Contains("Signature is Valid", pdfsig.Stdout);
        Assert.Contains("Certificate is Trusted", pdfsig.Stdout);
        Assert.Contains(BsreTestPki.Official.Nik, pdfsig.Stdout);

        // The stamp BSrE is asked to draw: our QR code to this document's verification page, on the last page.
        var properties = fixture.Service.LastProperties![0]!;
        Assert.Equal("VISIBLE", properties["tampilan"]!.GetValue<string>());
        Assert.Equal(4, properties["page"]!.GetValue<int>());
        var png = fixture.Work.File($"stamp-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(png, Convert.FromBase64String(properties["imageBase64"]!.GetValue<string>()));
        var qr = ExternalTool.Run("zbarimg", "--raw", "-q", png);
        Assert.Equal($"{fixture.Options.PublicBaseUrl}/verify/{request.DocumentId}", qr.Stdout.Trim());
    }

    [Fact]
    public async Task SignAsync_RefusesTheBsreOutput_WhenTheServiceRewroteTheFile()
    {
        fixture.Service.Mode = BsreTestMode.Rewritten;
        try
        {
            var message = await RefusedAsync(fixture.Request(Original(), "kadis", fixture.Service.Passphrase));
            Assert.Contains("does not start with exactly the approved bytes", message);
        }
        finally { fixture.Service.Mode = BsreTestMode.Normal; }
    }

    [Fact]
    public async Task SignAsync_RefusesTheBsreOutput_WhenAnotherCertificateSigned()
    {
        fixture.Service.Mode = BsreTestMode.OtherCertificate;
        try
        {
            var message = await RefusedAsync(fixture.Request(Original(), "kadis", fixture.Service.Passphrase));
            Assert.Contains($"does not carry NIK {BsreTestPki.Official.Nik}", message);
        }
        finally { fixture.Service.Mode = BsreTestMode.Normal; }
    }

    [Fact]
    public async Task SignAsync_RefusesTheBsreOutput_WhenAFingerprintIsConfiguredAndAnotherCertificateSigned()
    {
        var profile = fixture.Options.Signers["kadis"];
        profile.CertificateSha256 = new string('a', 64);
        try
        {
            var message = await RefusedAsync(fixture.Request(Original(), "kadis", fixture.Service.Passphrase));
            Assert.Contains("not by the certificate with SHA-256 " + new string('a', 64), message);
        }
        finally { profile.CertificateSha256 = ""; }
    }

    [Fact]
    public async Task SignAsync_Refuses_WhenABsreSignerGetsNoPassphrase()
    {
        var request = fixture.Request(Original(), "kadis", passphrase: null);
        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Port.SignAsync(request, CancellationToken.None));
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task Problems_AreEmptyForTheLocalEngine_AndNameEachBrokenCondition_WhenTheOutputIsTamperedOrExtended()
    {
        var input = Original();
        var request = fixture.Request(input, "demo", null);
        await fixture.Port.SignAsync(request, CancellationToken.None);
        var expected = new ExpectedCertificate { Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(DemoPki.Instance.Rsa.Open().Chain[0].RawData)) };
        Assert.Empty(SignedOutputCheck.Problems(input, request.OutputPath, expected, DemoPki.Instance.Trust));

        var tampered = fixture.Work.File($"tampered-{Guid.NewGuid():N}.pdf");
        File.Copy(request.OutputPath, tampered);
        TestSigning.FlipByteInFirstRange(tampered);
        Assert.NotEmpty(SignedOutputCheck.Problems(input, tampered, expected, DemoPki.Instance.Trust));

        // A revision appended after the signature: the new signature no longer covers the whole file.
        var extended = fixture.Work.File($"extended-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(extended, [.. File.ReadAllBytes(request.OutputPath), .. "\n% appended\n%%EOF\n"u8.ToArray()]);
        Assert.Contains("no signature covers the whole file", SignedOutputCheck.Problems(input, extended, expected, DemoPki.Instance.Trust));

        // The approved bytes, unsigned: nothing was added.
        Assert.Contains("the output adds nothing to the approved bytes", SignedOutputCheck.Problems(input, input, expected, DemoPki.Instance.Trust));

        // A signer that sent a file of its own making: the output must extend exactly that, and it the approved bytes.
        var approved = File.ReadAllBytes(input);
        Assert.Empty(SignedOutputCheck.Problems(input, request.OutputPath, expected, DemoPki.Instance.Trust, SentBytes.Of(approved)));
        Assert.Contains(SignedOutputCheck.Problems(input, request.OutputPath, expected, DemoPki.Instance.Trust, SentBytes.Of([.. approved, .. "% ours\n"u8.ToArray()])),
            p => p.Contains("does not start with exactly the bytes sent to the signer"));
        Assert.Contains(SignedOutputCheck.Problems(input, request.OutputPath, expected, DemoPki.Instance.Trust, SentBytes.Of(approved.AsSpan(0, approved.Length - 1))),
            p => p.Contains("the bytes sent to the signer do not start with exactly the approved bytes"));

        // Signed, but by a key other than the profile's.
        var other = new ExpectedCertificate { Sha256 = new string('0', 64) };
        Assert.Contains(SignedOutputCheck.Problems(input, request.OutputPath, other, DemoPki.Instance.Trust), p => p.Contains("not by the certificate"));
    }
}
