using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Verification;

namespace Worker.Signing;

/// <summary>
/// The post-conditions every signed output meets before it may be filed, whoever signed it: it starts with exactly the
/// input's bytes (and with the bytes sent, when a service signed the file itself), every signature is intact (with the
/// modification analysis), there is exactly one new signature, it covers the whole file, chains to a trust anchor, and
/// carries the expected certificate.
/// </summary>
public static class SignedOutputCheck
{
    /// <summary>
    /// Every broken post-condition, one phrase each; empty when the output may be filed. <paramref name="sent"/>, when
    /// given, is what the signer sent to its service: the approved bytes, plus a revision of ours (BSrE's footnote).
    /// </summary>
    public static IReadOnlyList<string> Problems(
        string inputPath, string outputPath, ExpectedCertificate expected, X509Certificate2Collection? trust, SentBytes? sent = null)
    {
        if (!StartsWith(outputPath, inputPath, out var grew))
            return ["the output does not start with exactly the approved bytes (it is not an incremental update)"];
        if (sent is not null)
        {
            // Once the output's first sent.Length bytes hash to what was sent, they start with the approved bytes as the output does.
            if (sent.Length < new FileInfo(inputPath).Length) return ["the bytes sent to the signer do not start with exactly the approved bytes"];
            if (!StartsWith(outputPath, sent, out grew))
                return ["the output does not start with exactly the bytes sent to the signer (it is not an incremental update of them)"];
        }
        if (!grew) return ["the output adds nothing to the approved bytes"];
        IReadOnlyList<SignatureVerification> before, after;
        try
        {
            before = PdfSignatureVerifier.Verify(inputPath, trust);
            after = PdfSignatureVerifier.Verify(outputPath, trust);
        }
        catch (Exception e) when (e is Pdf.PdfRefusedException or IOException or InvalidOperationException)
        {
            return [$"the output cannot be read as a PDF: {e.Message}"];
        }
        // Earlier signatures (ours, or a sender's we need not trust) must stay intact; the new one must be "sah / valid".
        var problems = after.Where(v => !v.IsIntact).Select(v => $"signature {v.FieldName}: {v.Summary}").ToList();
        if (after.Count != before.Count + 1) problems.Add($"expected {before.Count + 1} signature(s), found {after.Count}");
        var newest = after.Where(v => v.CoversWholeFile).ToList();
        if (newest.Count != 1) problems.Add("no signature covers the whole file");
        else if (trust is not null && newest[0] is { IsIntact: true, IsValid: false } untrusted)
            problems.Add($"signature {untrusted.FieldName}: {untrusted.Summary} (install the signer's CA under Worker:Verification:TrustAnchors)");
        else if (newest[0].SignerCertificate is not { } certificate) problems.Add("the new signature's certificate cannot be read");
        else if (expected.Mismatch(certificate) is { } mismatch) problems.Add(mismatch);
        return problems;
    }

    private static bool StartsWith(string path, SentBytes prefix, out bool longer)
    {
        using var file = File.OpenRead(path);
        longer = file.Length > prefix.Length;
        if (file.Length < prefix.Length) return false;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        for (long left = prefix.Length; left > 0;)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) return false;
            hash.AppendData(buffer, 0, read);
            left -= read;
        }
        return hash.GetHashAndReset().AsSpan().SequenceEqual(prefix.Sha256);
    }

    private static bool StartsWith(string path, string prefixPath, out bool longer)
    {
        using var file = File.OpenRead(path);
        using var prefix = File.OpenRead(prefixPath);
        longer = file.Length > prefix.Length;
        if (file.Length < prefix.Length) return false;
        var a = new byte[64 * 1024];
        var b = new byte[64 * 1024];
        for (int read; (read = prefix.Read(a)) > 0;)
        {
            file.ReadExactly(b, 0, read);
            if (!a.AsSpan(0, read).SequenceEqual(b.AsSpan(0, read))) return false;
        }
        return true;
    }
}
