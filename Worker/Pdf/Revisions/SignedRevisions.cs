using Worker.Pdf.Verification;

namespace Worker.Pdf.Revisions;

/// <summary>
/// The exact bytes a signature covers: a signature's revision is bytes 0 to the end of its /ByteRange, and signatures are
/// numbered by that end, 1 for the oldest. Lets anyone open precisely what was signed when later revisions exist.
/// </summary>
public static class SignedRevisions
{
    /// <summary>The signatures oldest first (by where their signed revision ends); a malformed /ByteRange sorts last.</summary>
    public static IReadOnlyList<SignatureVerification> OldestFirst(IEnumerable<SignatureVerification> signatures) =>
        [.. signatures.OrderBy(s => End(s) ?? long.MaxValue)];

    /// <summary>Where the signed revision ends (one past its last byte), or null when the /ByteRange does not start at byte 0 with two ranges.</summary>
    public static long? End(SignatureVerification signature) =>
        signature.ByteRange is [0, var a, var b, var c] && a >= 0 && b >= a && c >= 0 ? b + c : null;

    /// <summary>
    /// Writes bytes 0..end of the revision signed by signature <paramref name="number"/> (1 = oldest) of <paramref name="file"/>
    /// to <paramref name="output"/>; throws <see cref="PdfRefusedException"/> (DoesNotFit) when there is no such revision.
    /// </summary>
    public static long Extract(string file, IEnumerable<SignatureVerification> signatures, int number, string output)
    {
        var ordered = OldestFirst(signatures);
        if (number < 1 || number > ordered.Count)
            throw new PdfRefusedException(PdfRefusal.DoesNotFit, $"there is no signature {number}: the file has {ordered.Count}");
        using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (End(ordered[number - 1]) is not { } end || end > input.Length)
            throw new PdfRefusedException(PdfRefusal.DoesNotFit, $"signature {number} has a /ByteRange that does not describe a revision of this file");
        using var target = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None);
        var buffer = new byte[81920];
        for (var left = end; left > 0;)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) throw new IOException($"{file} became shorter while it was read");
            target.Write(buffer, 0, read);
            left -= read;
        }
        return end;
    }
}
