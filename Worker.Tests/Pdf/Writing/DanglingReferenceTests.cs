using System.Text;
using Worker.Pdf.Syntax;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Hostile;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Writing;

/// <summary>
/// A file may refer to an object it never defines ("6 0 R" with /Size 6); every reader takes that as null. Signing must
/// not give such a number to one of its new objects, or the old reference would suddenly lead to our widget or signature
/// dictionary: what the signed content means would change by signing it.
/// </summary>
public sealed class DanglingReferenceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // A run of numbers from the letter's /Size on, longer than two signings allocate: whatever they add lands on one.
    private static readonly int[] Run = Enumerable.Range(6, 40).ToArray();

    [Theory]
    [InlineData("annots")]
    [InlineData("open-action")]
    [InlineData("resource")]
    public async Task Sign_NumbersNewObjectsAboveEveryDanglingReference_WhenThePageOrCatalogRefersToMissingObjects(string where)
    {
        // /Size is 6: an /OpenAction to 6 is where the first new object would go.
        int[] dangling = where == "open-action" ? [6] : Run;
        var letter = where switch
        {
            "annots" => Letter("", $"/Annots[{References(Run)}]"),
            "open-action" => Letter("/OpenAction 6 0 R", ""),
            _ => Letter("", $"/Resources<</Font<</F1 4 0 R>>/XObject<<{string.Concat(Run.Select(n => $"/X{n} {n} 0 R"))}>>>>"),
        };

        var signed = await SignAsync(letter, "signed.pdf", 0);

        AssertNewNumbersAvoid(letter, signed, dangling, above: dangling.Max());
        AssertUndefined(signed, dangling);
        AssertValidAndUnchanged(signed, 1);
    }

    [Fact]
    public async Task Sign_KeepsTheFirstSignatureValid_WhenASecondSigningWouldReachADanglingReference()
    {
        var letter = Letter("", $"/Annots[{References(Run)}]");
        var once = await SignAsync(letter, "once.pdf", 0);

        var twice = await SignAsync(once, "twice.pdf", 1);

        AssertNewNumbersAvoid(letter, twice, Run, above: Run.Max());
        AssertUndefined(twice, Run);
        AssertValidAndUnchanged(twice, 2);
    }

    [Fact]
    public async Task Sign_KeepsTheXrefStreamOffDanglingNumbers_WhenTheFileUsesXrefStreams()
    {
        // Objects 1-3 in object stream 4, the xref stream is 5, /Size 6. Every other number dangles, so the one after
        // the update's last object does too: the new xref stream, an object itself, must skip it as well.
        int[] evens = [.. Enumerable.Range(3, 20).Select(i => 2 * i)];
        var letter = _temp.File("compressed.pdf");
        File.WriteAllBytes(letter, RawPdfWriter.Compressed(
        [
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            $"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Annots[{References(evens)}]>>",
        ]));

        var signed = await SignAsync(letter, "signed.pdf", 0);

        Assert.Contains("/Type /XRef", Encoding.Latin1.GetString(File.ReadAllBytes(signed))[(int)new FileInfo(letter).Length..]);
        AssertNewNumbersAvoid(letter, signed, evens, above: 6);
        AssertUndefined(signed, evens);
        AssertValidAndUnchanged(signed, 1);
    }

    [Fact]
    public async Task Sign_SkipsOnlyTheDanglingNumbers_WhenOneIsFarAboveTheSize()
    {
        var letter = Letter("", "/Annots[6 0 R 5000 0 R]");

        var signed = await SignAsync(letter, "signed.pdf", 0);

        AssertNewNumbersAvoid(letter, signed, [6, 5000], above: 6);
        AssertUndefined(signed, [6, 5000]);
        // The far reference does not push the numbering up to it: the trailer's /Size stays what the file can back.
        Assert.True(NewNumbers(letter, signed).Max() < 5000);
        AssertValidAndUnchanged(signed, 1);
    }

    private static string References(IEnumerable<int> numbers) => string.Join(" ", numbers.Select(n => $"{n} 0 R"));

    /// <summary>A one-page letter showing "PAY 1,000", /Size 6, with extra catalog and page keys.</summary>
    private string Letter(string catalogKeys, string pageKeys)
    {
        var letter = _temp.File("letter.pdf");
        File.WriteAllBytes(letter, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8.ToArray());
        var resources = pageKeys.Contains("/Resources", StringComparison.Ordinal) ? "" : "/Resources<</Font<</F1 4 0 R>>>>";
        RawRevision.Append(letter, prev: null, root: 1, objects:
        [
            (1, $"<</Type/Catalog/Pages 2 0 R{catalogKeys}>>"),
            (2, "<</Type/Pages/Kids[3 0 R]/Count 1>>"),
            (3, $"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]{resources}/Contents 5 0 R{pageKeys}>>"),
            (4, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"),
            (5, RawRevision.Content("PAY 1,000")),
        ]);
        SignedPdf.AssertQpdfCheck(letter);
        return letter;
    }

    private async Task<string> SignAsync(string input, string name, int signer)
    {
        var output = _temp.File(name);
        using var key = DemoPki.Instance.All[signer].Open();
        await TestSigning.SignAsync(input, output, key);
        return output;
    }

    /// <summary>Numbers the signed file defines that the original did not (the update's objects, its xref stream too).</summary>
    private static List<int> NewNumbers(string original, string signed)
    {
        var before = Current(original).Entries.Keys.ToHashSet();
        return Current(signed).Entries.Where(e => e.Value.Kind != XrefEntryKind.Free && !before.Contains(e.Key)).Select(e => e.Key).ToList();
    }

    private static void AssertNewNumbersAvoid(string original, string signed, IReadOnlyCollection<int> dangling, int above)
    {
        var added = NewNumbers(original, signed);
        Assert.NotEmpty(added);
        Assert.All(added, n => Assert.True(n > above && !dangling.Contains(n), $"new object {n} takes a number the original refers to"));
    }

    private static void AssertUndefined(string signed, IEnumerable<int> dangling)
    {
        var view = Current(signed);
        Assert.All(dangling, n =>
        {
            Assert.False(view.Entries.TryGetValue(n, out var entry) && entry.Kind != XrefEntryKind.Free, $"object {n} became defined");
            Assert.Null(view.Get(n));
        });
    }

    private static void AssertValidAndUnchanged(string signed, int count)
    {
        var results = PdfSignatureVerifier.Verify(signed, DemoPki.Instance.Trust);
        Assert.Equal(count, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, r.Summary));
        Assert.Single(results, r => r.CoversWholeFile);
        SignedPdf.AssertPdfSigValid(signed, count);
        SignedPdf.AssertQpdfCheck(signed);
    }

    private static RevisionView Current(string path)
    {
        using var file = new MemoryStream(File.ReadAllBytes(path), writable: false);
        return PdfRevisions.Open(file).Current();
    }
}
