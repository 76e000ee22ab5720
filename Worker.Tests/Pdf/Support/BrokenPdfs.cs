using System.Text;
using System.Text.RegularExpressions;
using Worker.Tests.Support;
using UglyToad.PdfPig.Tokens;

namespace Worker.Tests.Pdf.Support;

/// <summary>Corpus files damaged the ways real files arrive damaged, built here (no attacked or broken file is shipped).</summary>
public static partial class BrokenPdfs
{
    /// <summary>The corpus file with its final <c>startxref</c> moved <paramref name="by"/> bytes off the xref section.</summary>
    public static byte[] WrongStartXref(string corpusName, int by = 37)
    {
        var text = Encoding.Latin1.GetString(TestPdfs.Unique(corpusName));
        var match = StartXref().Matches(text)[^1];
        var wrong = long.Parse(match.Groups[1].Value) + by;
        return Encoding.Latin1.GetBytes(text[..match.Groups[1].Index] + wrong + text[(match.Groups[1].Index + match.Groups[1].Length)..]);
    }

    /// <summary>The corpus file with one more revision that changes its /Info title: what the approver would see differs from revision 1.</summary>
    public static byte[] TwoRevisions(string corpusName, string newTitle)
    {
        using var temp = new TempDirectory();
        var first = temp.File("first.pdf");
        File.WriteAllBytes(first, TestPdfs.Unique(corpusName));
        AppendTitleChange(first, temp.File("second.pdf"), newTitle);
        return File.ReadAllBytes(temp.File("second.pdf"));
    }

    /// <summary>Writes <paramref name="input"/> plus one appended revision that replaces its /Info with a new title.</summary>
    public static void AppendTitleChange(string input, string output, string newTitle) =>
        Revisions.Append(input, output, (pdf, update) =>
        {
            var info = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Title] = new StringToken(newTitle) });
            Assert.True(pdf.Info is IndirectReferenceToken, $"{input} needs an indirect /Info");
            update.Set(((IndirectReferenceToken)pdf.Info!).Data, info);
        });

    /// <summary>
    /// <paramref name="corpusName"/> signed into <c>signed.pdf</c> in <paramref name="temp"/>, and <c>changed.pdf</c>: the signed
    /// file with a revision appended after signing that retitles it "Bayar 1 miliar".
    /// </summary>
    public static async Task<(string Signed, string Changed)> SignedThenRetitledAsync(TempDirectory temp, string corpusName)
    {
        var signed = temp.File("signed.pdf");
        await TestSigning.SignCorpusAsync(corpusName, signed);
        var changed = temp.File("changed.pdf");
        AppendTitleChange(signed, changed, "Bayar 1 miliar");
        return (signed, changed);
    }

    /// <summary>The corpus file (an xref-stream file) whose trailer /Size claims 4294967290 objects.</summary>
    public static byte[] HugeSize(string corpusName = "minimal-document.pdf")
    {
        var text = Encoding.Latin1.GetString(TestPdfs.Unique(corpusName));
        var size = Size().Match(text);
        Assert.True(size.Success, $"{corpusName} has no /Size");
        return Encoding.Latin1.GetBytes(text[..size.Groups[1].Index] + "4294967290" + text[(size.Groups[1].Index + size.Groups[1].Length)..]);
    }

    /// <summary>A small classic-xref PDF whose last object is numbered 9,000,000 (trailer /Size 9000001, so the xref is exact).</summary>
    public static byte[] HugeObjectNumber()
    {
        var text = Encoding.Latin1.GetString(TestPdfs.Generated(1));
        var xref = text.IndexOf("xref\n", StringComparison.Ordinal);
        const string Extra = "9000000 0 obj\n<< /Note (far away) >>\nendobj\n";
        var trailer = text.IndexOf("trailer", StringComparison.Ordinal);
        var table = text[xref..trailer] + $"9000000 1\n{xref:D10} 00000 n \n";
        var tail = Regex.Replace(text[trailer..], @"/Size \d+", "/Size 9000001");
        tail = tail[..tail.IndexOf("startxref", StringComparison.Ordinal)] + $"startxref\n{xref + Extra.Length}\n%%EOF\n";
        return Encoding.Latin1.GetBytes(text[..xref] + Extra + table + tail);
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex Size();
}
