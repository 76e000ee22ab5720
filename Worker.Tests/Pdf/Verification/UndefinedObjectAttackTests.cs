using Worker.Pdf.Syntax;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Verification;

/// <summary>
/// The signed revision refers to an object it does not define (missing from its xref, or listed as free); a later
/// revision defines it. No signed object changes, yet what the page shows does: this must be reported invalid.
/// </summary>
public sealed class UndefinedObjectAttackTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionDefinesAContentObjectTheSignedRevisionLeftMissing()
    {
        var signed = await SignedLetterAsync("/Contents[5 0 R 99 0 R]", free: []);
        var attacked = Copy(signed, "missing-content.pdf");
        RawRevision.Append(attacked, ModificationAttackTests.Sections(signed)[0].Offset, 1, [(99, LowerContent)]);

        Assert.Contains("PAY 1 BILLION", ModificationAttackTests.Text(attacked));
        AssertInvalid(attacked, "object 99");
        AssertInvalid(attacked, "the content of page 1");
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionUnfreesAContentObjectTheSignedXrefListedAsFree()
    {
        var signed = await SignedLetterAsync("/Contents[5 0 R 99 0 R]", free: [99]);
        var attacked = Copy(signed, "unfreed-content.pdf");
        RawRevision.Append(attacked, ModificationAttackTests.Sections(signed)[0].Offset, 1, [(99, LowerContent)]);

        Assert.Contains("PAY 1 BILLION", ModificationAttackTests.Text(attacked));
        AssertInvalid(attacked, "object 99");
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionUnfreesAnAnnotationThePageAlreadyListed()
    {
        var signed = await SignedLetterAsync("/Contents 5 0 R/Annots[98 0 R]", free: [98]);
        var attacked = Copy(signed, "unfreed-annotation.pdf");
        const string ops = "BT /F1 28 Tf 72 600 Td (PAY 1 BILLION) Tj ET";
        RawRevision.Append(attacked, ModificationAttackTests.Sections(signed)[0].Offset, 1,
        [
            (98, "<</Type/Annot/Subtype/FreeText/Rect[0 0 595 842]/Contents(PAY 1 BILLION)/DA(/F1 28 Tf)/AP<</N 97 0 R>>>>"),
            (97, $"<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Length {ops.Length}>>\nstream\n{ops}\nendstream"),
        ]);

        AssertInvalid(attacked, "object 98");
    }

    [Fact]
    public async Task Verify_StaysValid_WhenASecondSignatureFollowsADanglingReference()
    {
        var signed = await SignedLetterAsync("/Contents[5 0 R 99 0 R]", free: []);
        var twice = _temp.File("twice.pdf");
        using var key = DemoPki.Instance.All[1].Open();
        await TestSigning.SignAsync(signed, twice, key);

        var results = PdfSignatureVerifier.Verify(twice, DemoPki.Instance.Trust);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, r.Summary));
    }

    // Drawn below the signed line, so pdftotext reads the attacker's words apart from it.
    private const string LowerOps = "BT /F1 28 Tf 72 500 Td (PAY 1 BILLION) Tj ET";
    private static readonly string LowerContent = $"<</Length {LowerOps.Length}>>\nstream\n{LowerOps}\nendstream";

    /// <summary>A one-page letter showing "PAY 1,000" whose page carries <paramref name="pageKeys"/>, signed once.</summary>
    private async Task<string> SignedLetterAsync(string pageKeys, IReadOnlyList<int> free)
    {
        var letter = _temp.File("letter.pdf");
        File.WriteAllBytes(letter, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8.ToArray());
        RawRevision.Append(letter, prev: null, root: 1, free: free, objects:
        [
            (1, "<</Type/Catalog/Pages 2 0 R>>"),
            (2, "<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            (3, $"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>{pageKeys}>>"),
            (4, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"),
            (5, RawRevision.Content("PAY 1,000")),
        ]);
        var signed = _temp.File("signed.pdf");
        using var rsa = DemoPki.Instance.Rsa.Open();
        await TestSigning.SignAsync(letter, signed, rsa);
        var result = PdfSignatureVerifier.Verify(signed, DemoPki.Instance.Trust).Single();
        Assert.True(result.IsValid, result.Summary);
        Assert.DoesNotContain("BILLION", ModificationAttackTests.Text(signed));
        return signed;
    }

    private static void AssertInvalid(string path, string reason)
    {
        var result = PdfSignatureVerifier.Verify(path, DemoPki.Instance.Trust).Single(r => r.FieldName == "Signature1");
        Assert.False(result.IsValid, result.Summary);
        Assert.Contains(reason, result.Summary);
    }

    private string Copy(string from, string name)
    {
        var to = _temp.File(name);
        File.Copy(from, to);
        return to;
    }

}
