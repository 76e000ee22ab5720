using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Stamp;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Stamp;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Pdf.Signatures;

/// <summary>
/// A LibreOffice form (AcroForm /NeedAppearances true, empty field appearances): poppler rebuilt every widget, the
/// signature's into nothing. The first signature clears the flag and gives the filled fields appearances of their own.
/// </summary>
public sealed class NeedAppearancesTests : IDisposable
{
    private const string Form = "libreoffice-form.pdf";
    // Inside the "First Name" field holding "Alice" (its border left out), in points from the page's bottom-left.
    private static readonly PdfBox FirstName = new(121, 710, 200, 718);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Corpus_HasALibreOfficeFormThatAsksForAppearances()
    {
        Assert.True(NeedAppearances(RepoPaths.CorpusFile(Form)));
    }

    [Fact]
    public async Task Sign_ShowsTheStampInPopplerAndKeepsTheFieldValues_WhenTheFormHadNeedAppearances()
    {
        var output = await SignAsync(RepoPaths.CorpusFile(Form), "signed.pdf", stacked: 0);

        Assert.False(NeedAppearances(output));
        var (poppler, mupdf) = StampRendering.Render(output, 1, _temp.Path);
        var stamp = StampVisibilityTests.VisibleBox(360, 40, 200, 80, 595, 842);
        Assert.True(StampRendering.DarkShare(poppler, stamp) > 0.08, "poppler draws no stamp");
        Assert.True(StampRendering.DarkShare(mupdf, stamp) > 0.08, "mupdf draws no stamp");
        // What the approver saw in a rebuilding viewer stays: the values are drawn from the file's own appearances now.
        Assert.True(StampRendering.InkShare(poppler, FirstName) > 0.03, "poppler no longer shows the field value Alice");
        var text = StampRendering.MupdfText(output, 1);
        Assert.Contains("Alice", text);
        Assert.Contains("Bob", text);
    }

    [Fact]
    public async Task Sign_LeavesBothSignaturesValidAndBothStampsVisible_WhenASecondSignerSignsTheForm()
    {
        var first = await SignAsync(RepoPaths.CorpusFile(Form), "first.pdf", stacked: 0);
        // Another key: poppler's pdfsig reports the same certificate twice in one file as an "unknown issue".
        var second = await SignAsync(first, "second.pdf", stacked: 1, DemoPki.Instance.SecondRsa);

        SignedPdf.AssertPdfSigValid(second, 2);
        Assert.All(PdfSignatureVerifier.Verify(second, DemoPki.Instance.Trust), r => Assert.True(r.IsValid, r.Summary));
        var rects = StampRendering.SignatureRects(second, 0);
        Assert.Equal(2, rects.Count);
        var (poppler, _) = StampRendering.Render(second, 1, _temp.Path);
        Assert.All(rects, r => Assert.True(StampRendering.DarkShare(poppler, new PdfBox(r.Left + 2, r.Bottom + 2, r.Right - 2, r.Top - 2)) > 0.08, $"poppler draws no stamp at {r}"));
    }

    private async Task<string> SignAsync(string input, string name, int stacked, KeyFiles? signer = null)
    {
        var output = _temp.File(name);
        var layout = StampedSignature.Create(StampVisibilityTests.Content(), StampVisibilityTests.Fixed() with { Stacked = stacked }, input);
        using var rsa = (signer ?? DemoPki.Instance.Rsa).Open();
        await TestSigning.SignAsync(input, output, rsa, layout.Visible);
        return output;
    }

    private static bool NeedAppearances(string pdf)
    {
        using var file = File.OpenRead(pdf);
        using var structure = PdfStructure.Open(file);
        return structure.Get(structure.Catalog, "AcroForm") is DictionaryToken form && structure.Get(form, "NeedAppearances") is BooleanToken { Data: true };
    }
}
