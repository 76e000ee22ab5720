using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;

namespace Worker.Pdf.Verification;

/// <summary>
/// Verifies every signature of a PDF: byte range, digest, signature value, certificate at signing time,
/// optional trust chain, timestamp, and what later revisions changed. One result per signature, oldest first.
/// </summary>
public static class PdfSignatureVerifier
{
    private static readonly HashSet<string> SubFilters = ["ETSI.CAdES.detached", "adbe.pkcs7.detached"];

    /// <summary>Verifies the file at <paramref name="path"/>; refuses (throws) input that is not a readable PDF.</summary>
    public static IReadOnlyList<SignatureVerification> Verify(string path, X509Certificate2Collection? trust = null)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        using var pdf = PdfStructure.Open(file);
        var checks = SignatureFieldFinder.Find(pdf).Select(field => VerifyBytes(pdf, file, field, trust)).ToList();
        // Later signatures whose bytes verify may add their own fields; the analysis of earlier ones needs them.
        var intact = checks.Where(c => c.DigestMatches && c.SignatureValueValid && c.ByteRangeCoversRevision)
            .Select(c => new LaterSignature { ByteRange = c.ByteRange, RevisionEnd = c.ByteRange[2] + c.ByteRange[3] }).ToList();
        var analysis = checks.Any(c => c.ByteRangeCoversRevision && !c.CoversWholeFile) ? ModificationAnalysis.Open(file) : null;
        return checks.Select(c => WithLaterChanges(c, analysis, intact))
            .OrderBy(v => v.ByteRange.Count == 4 ? v.ByteRange[2] + v.ByteRange[3] : long.MaxValue)
            .ToList();
    }

    private static SignatureVerification WithLaterChanges(SignatureVerification check, ModificationAnalysis? analysis, IReadOnlyList<LaterSignature> intact)
    {
        if (analysis is null || !check.ByteRangeCoversRevision || check.CoversWholeFile) return check;
        var changes = analysis.Check(check.ByteRange[2] + check.ByteRange[3], intact);
        return changes.Count == 0 ? check : check with { LaterChangesAllowed = false, Problems = [.. check.Problems, .. changes] };
    }

    private static SignatureVerification VerifyBytes(PdfStructure pdf, Stream file, SignatureField field, X509Certificate2Collection? trust)
    {
        var problems = new List<string>();
        var range = pdf.Get(field.Signature, "ByteRange") is ArrayToken array
            ? array.Data.Select(pdf.Resolve).OfType<NumericToken>().Select(n => n.Long).ToArray()
            : [];
        if (pdf.Get(field.Signature, "SubFilter") is not NameToken subFilter || !SubFilters.Contains(subFilter.Data))
            problems.Add("unsupported /SubFilter");
        var claimed = PdfDate.Parse((pdf.Get(field.Signature, "M") as StringToken)?.Data);
        var inspection = ByteRangeInspector.Inspect(file, range);
        problems.AddRange(inspection.Problems);

        CmsCheck? cms = null;
        if (inspection.Cms is { } der)
        {
            if (CmsSignatureChecker.DigestAlgorithm(der) is { } hash)
            {
                cms = CmsSignatureChecker.Check(der, hash, Digest(file, range, hash), claimed, trust);
                problems.AddRange(cms.Problems);
            }
            else
            {
                problems.Add("the CMS cannot be read or uses an unsupported digest");
            }
        }

        var coversWholeFile = inspection.Problems.Count == 0 && inspection.RevisionEnd == file.Length;

        return new SignatureVerification
        {
            FieldName = field.Name,
            SignerName = cms?.SignerName,
            SignerCertificate = cms?.SignerCertificate,
            SigningTime = cms?.TimestampTime ?? claimed,
            ByteRange = range,
            ByteRangeCoversRevision = inspection.Problems.Count == 0,
            CoversWholeFile = coversWholeFile,
            DigestMatches = cms?.DigestMatches ?? false,
            SignatureValueValid = cms?.SignatureValueValid ?? false,
            CertificateValidAtSigningTime = cms?.CertificateValidAtSigningTime ?? false,
            ChainTrusted = cms?.ChainTrusted,
            TimestampValid = cms?.TimestampValid,
            TimestampTime = cms?.TimestampTime,
            LaterChangesAllowed = true,
            Problems = problems,
        };
    }

    private static byte[] Digest(Stream file, long[] range, HashAlgorithmName hash)
    {
        using var digest = IncrementalHash.CreateHash(hash);
        var buffer = new byte[128 * 1024];
        foreach (var (offset, length) in new[] { (range[0], range[1]), (range[2], range[3]) })
        {
            file.Position = offset;
            for (var left = length; left > 0;)
            {
                var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0) throw new EndOfStreamException();
                digest.AppendData(buffer, 0, read);
                left -= read;
            }
        }
        return digest.GetHashAndReset();
    }
}
