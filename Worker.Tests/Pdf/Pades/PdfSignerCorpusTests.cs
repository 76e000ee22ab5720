using System.Security.Cryptography;
using UglyToad.PdfPig.Tokens;
using Worker.Cli;
using Worker.Pdf;
using Worker.Pdf.Pades;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Pades;

/// <summary>Every real-world file of the corpus: sign, check with qpdf, pdfsig and openssl, sign again, tamper.</summary>
public class PdfSignerCorpusTests
{
    public static TheoryData<string> Signable => Corpus.Signable();

    [Theory]
    [MemberData(nameof(Signable))]
    public async Task Sign_ProducesValidIncrementalSignatures_ForCorpusFile(string name)
    {
        using var temp = new TempDirectory();
        var input = RepoPaths.CorpusFile(name);
        var once = temp.File("once.pdf");
        var twice = temp.File("twice.pdf");
        using var rsa = DemoPki.Instance.Rsa.Open();
        using var ec = DemoPki.Instance.EcP256.Open();

        await TestSigning.SignAsync(input, once, rsa);

        var original = await File.ReadAllBytesAsync(input);
        var signed = await File.ReadAllBytesAsync(once);
        Assert.True(signed.AsSpan(0, original.Length).SequenceEqual(original), "the output must start with the input's bytes");
        SignedPdf.AssertQpdfNoWorse(once, input);
        SignedPdf.AssertPdfSigValid(once, 1);
        SignedPdf.AssertOpenSslVerifies(once, temp.Path);

        await TestSigning.SignAsync(once, twice, ec);

        Assert.True((await File.ReadAllBytesAsync(twice)).AsSpan(0, signed.Length).SequenceEqual(signed));
        SignedPdf.AssertQpdfNoWorse(twice, input);
        SignedPdf.AssertPdfSigValid(twice, 2);
        var results = PdfSignatureVerifier.Verify(twice, DemoPki.Instance.Trust);
        Assert.Equal(["Signature1", "Signature2"], results.Select(r => r.FieldName));
        Assert.All(results, r => Assert.True(r.IsValid, r.Summary));

        TestSigning.FlipByteInFirstRange(twice);
        var tampered = PdfSignatureVerifier.Verify(twice, DemoPki.Instance.Trust);
        Assert.All(tampered, r => Assert.False(r.IsValid));
        Assert.Equal(ExitCode.SignatureInvalid, await CommandLine.RunAsync(["verify", twice], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task Sign_RefusesEncryptedFile_AndLeavesNoOutput()
    {
        using var temp = new TempDirectory();
        var input = RepoPaths.CorpusFile(Corpus.Encrypted);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(input));
        using var rsa = DemoPki.Instance.Rsa.Open();

        var e = await Assert.ThrowsAsync<PdfRefusedException>(() => TestSigning.SignAsync(input, temp.File("out.pdf"), rsa));

        Assert.Equal(PdfRefusal.Encrypted, e.Kind);
        Assert.Empty(Directory.GetFiles(temp.Path));
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(input)));
    }

    [Theory]
    [InlineData("zero-page-box", "crop box of 0 x 0")]
    [InlineData("missing-page-object", "page tree object 9 is missing")]
    public async Task Sign_FallsBackToAnInvisibleSignature_WhenAVisibleStampCannotBePlaced(string damage, string reason)
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        var stamp = new Worker.Pdf.Signatures.VisibleSignature
        {
            X = 360, Y = 40, Width = 200, Height = 80,
            Appearance = new Worker.Pdf.Signatures.StampAppearance { Content = "0 0 1 1 re f"u8.ToArray() },
        };
        // Same length replacements, so every xref offset stays exact: only the page tree is odd.
        var text = System.Text.Encoding.Latin1.GetString(Worker.Tests.Support.TestPdfs.Generated(1));
        text = damage == "zero-page-box"
            ? text.Replace("/MediaBox [0 0 595 842]", "/MediaBox [0 0 000 000]")
            : text.Replace("/Kids [4 0 R] /Count 1", "/Kids [9 0 R] /Count 1");
        var input = temp.File("odd.pdf");
        File.WriteAllBytes(input, System.Text.Encoding.Latin1.GetBytes(text));
        var output = temp.File("out.pdf");

        var result = await TestSigning.SignAsync(input, output, rsa, stamp);

        Assert.True(result.Verification.IsValid, result.Verification.Summary);
        Assert.NotNull(result.StampNote);
        Assert.Contains("visible stamp not placed", result.StampNote);
        Assert.Contains(reason, result.StampNote);
        Assert.Contains("signed invisibly", result.StampNote);
        // Only a page can take the stamp as an annotation instead (StampFallbackFilingTests shows it drawn).
        Assert.Equal(damage == "zero-page-box", result.StampNote.Contains("drawn instead as a page annotation at [360 40 560 120]"));
        // Invisible means a zero-size widget: the signature's own widget shows nothing.
        await using (var file = File.OpenRead(output))
        using (var pdf = Worker.Pdf.Reading.PdfStructure.Open(file))
        {
            var form = Assert.IsType<DictionaryToken>(pdf.Get(pdf.Catalog, "AcroForm"));
            var field = Assert.IsType<DictionaryToken>(pdf.Resolve(Assert.IsType<ArrayToken>(pdf.Get(form, "Fields")).Data.Single()));
            var rect = Assert.IsType<ArrayToken>(pdf.Get(field, "Rect"));
            Assert.All(rect.Data, n => Assert.Equal(0, Assert.IsType<NumericToken>(n).Double));
        }
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(SignedPdf.PdfSig(output), "Signature is Valid"));
        SignedPdf.AssertQpdfNoWorse(output, input);
    }

    [Fact]
    public async Task Sign_RefusesAsNeedsRepair_WhenTheXrefMustBeRepairedToReadTheFile()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();

        var e = await Assert.ThrowsAsync<PdfRefusedException>(() =>
            TestSigning.SignAsync(RepoPaths.CorpusFile(Corpus.UnreadablePageTree), temp.File("out.pdf"), rsa));

        Assert.Equal(PdfRefusal.NeedsRepair, e.Kind);
        Assert.Contains("cross-reference", e.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task Sign_KeepsExistingFormFields_WhenFileHasAcroForm()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        var output = temp.File("out.pdf");
        var input = RepoPaths.CorpusFile("pdflatex-forms.pdf");
        var before = ExternalTool.Run("qpdf", "--json", "--json-key=acroform", input).Stdout;

        await TestSigning.SignAsync(input, output, rsa);

        var after = ExternalTool.Run("qpdf", "--json", "--json-key=acroform", output).Stdout;
        var names = System.Text.RegularExpressions.Regex.Matches(before, "\"fullname\": \"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains($"\"fullname\": \"{n}\"", after));
        Assert.Contains("\"fullname\": \"Signature1\"", after);
    }
}
