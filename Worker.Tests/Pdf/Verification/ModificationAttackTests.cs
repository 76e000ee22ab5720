using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Cli;
using Worker.Pdf.Syntax;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Xunit.Abstractions;

namespace Worker.Tests.Pdf.Verification;

/// <summary>
/// The "PDF Insecurity" attack classes built on a letter we signed: each must be reported invalid with a reason
/// naming what changed, while poppler shows the changed text; honest later revisions stay valid.
/// </summary>
public sealed class ModificationAttackTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Hidden "PAY 1 BILLION" in revision 1, visible "PAY 1,000" in revision 2, signed as submitted.</summary>
    private async Task<string> SignedShadowLetterAsync()
    {
        var letter = _temp.File("letter.pdf");
        RawRevision.CreateLetter(letter, "PAY 1 BILLION");
        var first = Sections(letter)[0].Offset;
        RawRevision.Append(letter, first, 1, [(5, RawRevision.Content("PAY 1,000"))]);
        using var rsa = DemoPki.Instance.Rsa.Open();
        await TestSigning.SignAsync(letter, _temp.File("signed.pdf"), rsa);
        Assert.Contains("PAY 1,000", Text(_temp.File("signed.pdf")));
        return _temp.File("signed.pdf");
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterXrefRechainsPrevToSkipTheVisibleRevision()
    {
        var signed = await SignedShadowLetterAsync();
        var attacked = Copy(signed, "rechained.pdf");
        var chain = Sections(signed);
        // Re-list every object of our signature's revision at its signed offset, but chain to revision 1.
        var offsets = chain[0].Entries.Where(e => e.Value.Kind == XrefEntryKind.InUse).ToDictionary(e => e.Key, e => e.Value.Location);
        RawRevision.AppendXref(attacked, offsets, prev: chain[^1].Offset, root: 1);

        Assert.Contains("PAY 1 BILLION", Text(attacked));
        RecordPdfSig(attacked);
        var result = PdfSignatureVerifier.Verify(attacked, DemoPki.Instance.Trust).Single();
        Assert.True(result.DigestMatches);
        Assert.False(result.IsValid);
        Assert.Contains("skips the signed cross-reference section", result.Summary);
        Assert.Equal(ExitCode.SignatureInvalid, await CommandLine.RunAsync(["verify", attacked], TextWriter.Null, TextWriter.Null));
        // qpdf resolves the page content through revision 1 too: the hidden object is what every reader shows.
        Assert.Contains($"5/0: uncompressed; offset = {chain[^1].Entries[5].Location}", ExternalTool.Run("qpdf", "--show-xref", attacked).Stdout);
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionReplacesThePageContent()
    {
        var signed = await SignedShadowLetterAsync();
        var attacked = Copy(signed, "replaced.pdf");
        RawRevision.Append(attacked, Sections(signed)[0].Offset, 1, [(5, RawRevision.Content("PAY 1 BILLION"))]);

        Assert.Contains("PAY 1 BILLION", Text(attacked));
        AssertInvalid(attacked, "the content of page 1 was changed");
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionPointsTheContentBackAtTheHiddenObject()
    {
        var signed = await SignedShadowLetterAsync();
        var attacked = Copy(signed, "repointed.pdf");
        // Revision 1's content object still sits in the signed bytes; only its xref entry is brought back.
        var hiddenOffset = Sections(signed)[^1].Entries[5].Location;
        RawRevision.AppendXref(attacked, new Dictionary<int, long> { [5] = hiddenOffset }, Sections(signed)[0].Offset, root: 1);

        Assert.Contains("PAY 1 BILLION", Text(attacked));
        AssertInvalid(attacked, "the content of page 1 was changed");
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenAnUnsignedFieldOverlaysThePage()
    {
        var signed = await SignedShadowLetterAsync();
        var attacked = _temp.File("overlay.pdf");
        Revisions.Append(signed, attacked, (pdf, update) =>
        {
            var ops = "BT /Helv 28 Tf 72 600 Td (PAY 1 BILLION) Tj ET"u8.ToArray();
            var appearance = update.Add(new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Xobject, [NameToken.Subtype] = NameToken.Form,
                [NameToken.Bbox] = Numbers(0, 0, 595, 842), [NameToken.Length] = new NumericToken(ops.Length),
                // The letter's Helvetica (object 4), so poppler draws the overlay's words and pdftotext reads them.
                [NameToken.Resources] = new DictionaryToken(new Dictionary<NameToken, IToken>
                {
                    [NameToken.Font] = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("Helv")] = new IndirectReferenceToken(new IndirectReference(4, 0)) }),
                }),
            }), ops));
            var widget = update.Add(new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Annot, [NameToken.Subtype] = NameToken.Widget, [NameToken.Ft] = NameToken.Sig,
                [NameToken.T] = new StringToken("Overlay"), [NameToken.Rect] = Numbers(0, 0, 595, 842),
                [NameToken.Ap] = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.N] = new IndirectReferenceToken(appearance) }),
                [NameToken.P] = new IndirectReferenceToken(pdf.Pages[0].Reference),
            }));
            var page = pdf.Pages[0].Dictionary;
            var annots = pdf.Resolve(page.Data["Annots"]) as ArrayToken ?? new ArrayToken([]);
            update.Set(pdf.Pages[0].Reference, page.With(NameToken.Annots, new ArrayToken([.. annots.Data, new IndirectReferenceToken(widget)])));
        });

        Assert.Contains("PAY 1 BILLION", Text(attacked));
        RecordPdfSig(attacked);
        AssertInvalid(attacked, "annotations were added to page 1");
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionAddsAnOpenActionScript()
    {
        var signed = await SignedShadowLetterAsync();
        var attacked = _temp.File("script.pdf");
        Revisions.Append(signed, attacked, (pdf, update) => update.Set(pdf.Root, pdf.Catalog.With(NameToken.Create("OpenAction"),
            new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.S] = NameToken.Create("JavaScript"), [NameToken.Create("JS")] = new StringToken("app.alert(1)") }))));

        AssertInvalid(attacked, "/OpenAction");
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionReplacesTheInfoDictionary()
    {
        var signed = await SignedShadowLetterAsync();
        var attacked = Copy(signed, "info.pdf");
        RawRevision.Append(attacked, Sections(signed)[0].Offset, 1, [(40, "<</Title (Surat palsu)>>")], "/Info 40 0 R");

        AssertInvalid(attacked, "/Info");
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenBytesFollowTheSignedEof()
    {
        var signed = await SignedShadowLetterAsync();
        var junk = Copy(signed, "junk.pdf");
        File.AppendAllText(junk, "5 0 obj\n<</Length 10>>\nstream\nPAY 1 BILL\nendstream\nendobj\n");
        AssertInvalid(junk, "bytes follow the file's last %%EOF");

        var restated = Copy(signed, "restated.pdf");
        File.AppendAllText(restated, $"% more\nstartxref\n{Sections(signed)[0].Offset}\n%%EOF\n");
        AssertInvalid(restated, "appended after the signed revision without a cross-reference section");
    }

    [Fact]
    public async Task Verify_ReportsInvalid_WhenASecondFieldReusesTheExistingSignatureValue()
    {
        var signed = await SignedShadowLetterAsync();
        var attacked = _temp.File("duplicate.pdf");
        Revisions.Append(signed, attacked, (pdf, update) =>
        {
            var form = (DictionaryToken)pdf.Get(pdf.Catalog, "AcroForm")!;
            var fields = ((ArrayToken)pdf.Get(form, "Fields")!).Data;
            var existing = (DictionaryToken)pdf.Resolve(fields[0])!;
            var copy = update.Add(existing.With(NameToken.T, new StringToken("Copy")));
            var formRef = pdf.Catalog.Data["AcroForm"] as IndirectReferenceToken;
            var newForm = form.With(NameToken.Fields, new ArrayToken([.. fields, new IndirectReferenceToken(copy)]));
            if (formRef is not null) update.Set(formRef.Data, newForm);
            else update.Set(pdf.Root, pdf.Catalog.With(NameToken.AcroForm, newForm));
        });

        var results = PdfSignatureVerifier.Verify(attacked, DemoPki.Instance.Trust);
        Assert.Contains(results, r => r.Summary.Contains("field list was changed"));
        Assert.DoesNotContain(results, r => r.IsValid && r.FieldName == "Signature1" && !r.CoversWholeFile);
    }

    /// <summary>Universal signature forgery: a later revision rewrites our signature dictionary so a lax validator skips the checks.</summary>
    [Theory]
    [InlineData("null-byterange")]
    [InlineData("whole-file-byterange")]
    [InlineData("empty-contents")]
    [InlineData("no-byterange")]
    public async Task Verify_ReportsInvalid_WhenALaterRevisionForgesTheSignatureDictionary(string variant)
    {
        var signed = await SignedShadowLetterAsync();
        var attacked = _temp.File($"usf-{variant}.pdf");
        var length = new FileInfo(signed).Length;
        Revisions.Append(signed, attacked, (pdf, update) =>
        {
            var form = (DictionaryToken)pdf.Get(pdf.Catalog, "AcroForm")!;
            var field = (DictionaryToken)pdf.Resolve(((ArrayToken)pdf.Get(form, "Fields")!).Data[0])!;
            var reference = ((IndirectReferenceToken)field.Data["V"]).Data;
            var signature = (DictionaryToken)pdf.Resolve(field.Data["V"])!;
            var forged = variant switch
            {
                "null-byterange" => signature.With(NameToken.Byterange, NullToken.Instance),
                "whole-file-byterange" => signature.With(NameToken.Byterange, Numbers(0, length, 0, 0)),
                "empty-contents" => signature.With(NameToken.Contents, new StringToken("")),
                _ => new DictionaryToken(signature.Data.Where(e => e.Key != "ByteRange").ToDictionary(e => NameToken.Create(e.Key), e => e.Value)),
            };
            update.Set(reference, forged);
        });

        var results = PdfSignatureVerifier.Verify(attacked, DemoPki.Instance.Trust);
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.False(r.IsIntact, $"{variant}: {r.FieldName} {r.Summary}"));
        Assert.Equal(ExitCode.SignatureInvalid, await CommandLine.RunAsync(["verify", attacked, "--trust", DemoPki.Instance.CaPem], TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task Verify_StaysValid_WhenALaterRevisionAddsADss()
    {
        var signed = await SignedShadowLetterAsync();
        var withDss = _temp.File("dss.pdf");
        Revisions.Append(signed, withDss, (pdf, update) =>
        {
            var certificate = update.Add(new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Length] = new NumericToken(3) }), [1, 2, 3]));
            var dss = update.Add(new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Create("Certs")] = new ArrayToken([new IndirectReferenceToken(certificate)]),
            }));
            update.Set(pdf.Root, pdf.Catalog.With(NameToken.Create("DSS"), new IndirectReferenceToken(dss)));
        });

        var result = PdfSignatureVerifier.Verify(withDss, DemoPki.Instance.Trust).Single();
        Assert.True(result.IsValid, result.Summary);
        Assert.False(result.CoversWholeFile);
    }

    [Fact]
    public async Task Verify_StaysValid_ForThreeSignaturesInTurn()
    {
        var signed = await SignedShadowLetterAsync();
        var keys = DemoPki.Instance.All;
        var current = signed;
        for (var i = 1; i < 3; i++)
        {
            using var key = keys[i].Open();
            var next = _temp.File($"signed-{i + 1}.pdf");
            await TestSigning.SignAsync(current, next, key);
            current = next;
        }

        var results = PdfSignatureVerifier.Verify(current, DemoPki.Instance.Trust);
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, r.Summary));
        SignedPdf.AssertPdfSigValid(current, 3);
    }

    private void AssertInvalid(string path, string reason)
    {
        var result = PdfSignatureVerifier.Verify(path, DemoPki.Instance.Trust).Single(r => r.FieldName == "Signature1");
        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Summary);
    }

    // poppler's verdict on the same file, for the record: it may call the signature valid; it must see the bytes after it.
    private void RecordPdfSig(string path)
    {
        var report = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + DemoPki.Instance.NssDirectory, path);
        output.WriteLine($"pdfsig {Path.GetFileName(path)} (exit {report.ExitCode}):\n{report.Output}");
        Assert.Contains("Not total document signed", report.Stdout);
    }

    private string Copy(string from, string name)
    {
        var to = _temp.File(name);
        File.Copy(from, to);
        return to;
    }

    /// <summary>The file's xref chain, newest first (shared with the other attack tests).</summary>
    internal static IReadOnlyList<XrefSection> Sections(string path)
    {
        using var file = File.OpenRead(path);
        return PdfRevisions.Open(file).Current().Chain;
    }

    /// <summary>What poppler's pdftotext reads on every page.</summary>
    internal static string Text(string path) => ExternalTool.Run("pdftotext", path, "-").Stdout;

    private static ArrayToken Numbers(params double[] values) => new(values.Select(v => (IToken)new NumericToken(v)).ToList());
}
