using System.Text;
using System.Text.RegularExpressions;
using Worker.Pdf;
using Worker.Pdf.Reading;
using Worker.Pdf.Writing;

namespace Worker.Intake;

/// <summary>
/// Decides whether an incoming PDF must be rewritten before anyone approves it: a <c>startxref</c> that points at the
/// wrong place or xref data the strict reader cannot follow exactly (readers silently repair such files, each in its own
/// way), more than one revision (an earlier revision can hide content the approver never sees), or object numbers at
/// the PDF limit. The one place that decides, so intake and its tests share the rule.
/// </summary>
public static partial class NormalisationCheck
{
    private const int TailLength = 4096;

    /// <summary>Why the file at <paramref name="path"/> must be normalised, or null when it can be taken as found.</summary>
    /// <remarks>A file too broken to judge (no <c>startxref</c> or <c>%%EOF</c> at all: truncated) is left to the PDF check to refuse.</remarks>
    public static NormalisationReason? Check(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        if (file.Length < 16) return null;
        var tailStart = Math.Max(0, file.Length - TailLength);
        var tail = Encoding.Latin1.GetString(ReadAt(file, tailStart, (int)(file.Length - tailStart)));
        var keyword = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (keyword < 0 || tail.IndexOf("%%EOF", keyword, StringComparison.Ordinal) < 0) return null;
        var number = Offset().Match(tail, keyword + "startxref".Length);
        if (!number.Success || !long.TryParse(number.Groups[1].Value, out var offset) || offset <= 0 || offset >= file.Length)
            return NormalisationReason.WrongStartXref;
        var section = Encoding.Latin1.GetString(ReadAt(file, offset, (int)Math.Min(2048, file.Length - offset)));
        if (!SectionStart().IsMatch(section)) return NormalisationReason.WrongStartXref;
        var size = TrailerSize().Match(section.StartsWith("xref", StringComparison.Ordinal) ? tail : section);
        if (size.Success && (!long.TryParse(size.Groups[1].Value, out var count) || count > IncrementalUpdate.MaxObjectNumber))
            return NormalisationReason.ObjectNumbersTooHigh;
        return ByReader(file);
    }

    // The strict reader's verdict: xref data that is not exact, more than one revision, an object numbered past the limit.
    private static NormalisationReason? ByReader(Stream file)
    {
        try
        {
            using var pdf = PdfStructure.Open(file);
            if (pdf.NextObjectNumber >= IncrementalUpdate.MaxObjectNumber) return NormalisationReason.ObjectNumbersTooHigh;
            return pdf.Revisions > 1 ? NormalisationReason.SeveralRevisions : null;
        }
        catch (PdfRefusedException e) when (e.Kind == PdfRefusal.NeedsRepair)
        {
            return NormalisationReason.BrokenXref;
        }
        catch (PdfRefusedException)
        {
            // Encrypted, damaged past reading, not a PDF: the PDF check refuses it with its own reason.
            return null;
        }
    }

    private static byte[] ReadAt(Stream file, long offset, int length)
    {
        var buffer = new byte[length];
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }

    [GeneratedRegex(@"\G\s*(\d{1,19})")]
    private static partial Regex Offset();

    [GeneratedRegex(@"^\s*(xref\b|\d+\s+\d+\s+obj\b)")]
    private static partial Regex SectionStart();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex TrailerSize();
}
