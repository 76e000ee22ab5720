using Worker.Pdf;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Pades;

/// <summary>Files qpdf makes from the corpus: xref streams, linearized, encrypted, truncated.</summary>
public class PdfSignerVariantTests
{
    public static TheoryData<string, string> Rewrites() => new()
    {
        { "libreoffice-form.pdf", "--object-streams=generate" },
        { "habibi-rotated.pdf", "--object-streams=generate" },
        { "pdflatex-forms.pdf", "--linearize" },
        { "habibi-rotated.pdf", "--linearize" },
        { "libreoffice-form.pdf", "--linearize --object-streams=generate" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public async Task Sign_ProducesValidSignatures_ForQpdfRewrite(string name, string options)
    {
        using var temp = new TempDirectory();
        var input = temp.File("input.pdf");
        var qpdf = ExternalTool.Run("qpdf", [.. options.Split(' '), RepoPaths.CorpusFile(name), input]);
        Assert.Equal(0, qpdf.ExitCode);
        using var rsa = DemoPki.Instance.Rsa.Open();
        using var ec = DemoPki.Instance.EcP256.Open();

        await TestSigning.SignAsync(input, temp.File("once.pdf"), rsa);
        await TestSigning.SignAsync(temp.File("once.pdf"), temp.File("twice.pdf"), ec);

        SignedPdf.AssertQpdfCheck(temp.File("twice.pdf"));
        SignedPdf.AssertPdfSigValid(temp.File("twice.pdf"), 2);
        SignedPdf.AssertOpenSslVerifies(temp.File("twice.pdf"), temp.Path);
        Assert.All(PdfSignatureVerifier.Verify(temp.File("twice.pdf"), DemoPki.Instance.Trust), r => Assert.True(r.IsValid, r.Summary));
    }

    [Fact]
    public async Task Sign_WritesXrefStream_WhenLastSectionIsAStream()
    {
        using var temp = new TempDirectory();
        var input = temp.File("input.pdf");
        Assert.Equal(0, ExternalTool.Run("qpdf", "--object-streams=generate", RepoPaths.CorpusFile("habibi.pdf"), input).ExitCode);
        using var rsa = DemoPki.Instance.Rsa.Open();

        await TestSigning.SignAsync(input, temp.File("out.pdf"), rsa);

        var tail = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(temp.File("out.pdf")))[(int)new FileInfo(input).Length..];
        Assert.Contains("/Type /XRef", tail);
        Assert.DoesNotContain("\ntrailer", tail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("secret")]
    public async Task Sign_RefusesEncryptedFile_WhenQpdfEncryptedIt(string userPassword)
    {
        using var temp = new TempDirectory();
        var input = temp.File("input.pdf");
        Assert.Equal(0, ExternalTool.Run("qpdf", "--encrypt", userPassword, "owner", "256", "--", RepoPaths.CorpusFile("habibi.pdf"), input).ExitCode);
        using var rsa = DemoPki.Instance.Rsa.Open();

        var e = await Assert.ThrowsAsync<PdfRefusedException>(() => TestSigning.SignAsync(input, temp.File("out.pdf"), rsa));

        Assert.Equal(PdfRefusal.Encrypted, e.Kind);
        Assert.False(File.Exists(temp.File("out.pdf")));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.98)]
    public async Task Sign_RefusesTruncatedFile(double keep)
    {
        using var temp = new TempDirectory();
        var bytes = await File.ReadAllBytesAsync(RepoPaths.CorpusFile("pdflatex-4-pages.pdf"));
        var input = temp.File("input.pdf");
        await File.WriteAllBytesAsync(input, bytes[..(int)(bytes.Length * keep)]);
        using var rsa = DemoPki.Instance.Rsa.Open();

        var e = await Assert.ThrowsAsync<PdfRefusedException>(() => TestSigning.SignAsync(input, temp.File("out.pdf"), rsa));

        Assert.Equal(PdfRefusal.Damaged, e.Kind);
        Assert.False(File.Exists(temp.File("out.pdf")));
    }

    [Fact]
    public async Task Sign_RefusesEmptyAndNonPdfFiles()
    {
        using var temp = new TempDirectory();
        await File.WriteAllBytesAsync(temp.File("empty.pdf"), []);
        await File.WriteAllTextAsync(temp.File("text.pdf"), "hello, this is not a PDF\n");
        using var rsa = DemoPki.Instance.Rsa.Open();

        var empty = await Assert.ThrowsAsync<PdfRefusedException>(() => TestSigning.SignAsync(temp.File("empty.pdf"), temp.File("a.pdf"), rsa));
        var text = await Assert.ThrowsAsync<PdfRefusedException>(() => TestSigning.SignAsync(temp.File("text.pdf"), temp.File("b.pdf"), rsa));

        Assert.Equal(PdfRefusal.Empty, empty.Kind);
        Assert.Equal(PdfRefusal.NotPdf, text.Kind);
    }
}
