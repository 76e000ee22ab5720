using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;

namespace Worker.Pdf.Verification;

/// <summary>
/// Verifies every signature of a PDF: byte range, digest, signature value, certificate at signing time, trust chain,
/// revocation, timestamp, and what later revisions changed. One result per signature dictionary, oldest first.
/// </summary>
public static class PdfSignatureVerifier
{
    private const string DocumentTimestampSubFilter = "ETSI.RFC3161";
    private static readonly HashSet<string> SubFilters = ["ETSI.CAdES.detached", "adbe.pkcs7.detached"];

    /// <summary>Verifies the file at <paramref name="path"/> with embedded revocation data only; refuses (throws) input that is not a readable PDF.</summary>
    public static IReadOnlyList<SignatureVerification> Verify(string path, X509Certificate2Collection? trust = null) =>
        // Without an online checker nothing awaits, so this completes synchronously.
        VerifyAsync(path, new VerificationPolicy { TrustAnchors = trust }, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Verifies the file at <paramref name="path"/> under <paramref name="policy"/>; refuses (throws) input that is not a readable PDF.</summary>
    public static async Task<IReadOnlyList<SignatureVerification>> VerifyAsync(string path, VerificationPolicy policy, CancellationToken ct)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        using var pdf = PdfStructure.Open(file);
        var dss = DssReader.Read(pdf);
        var dssCertificates = DssReader.Certificates(pdf);
        var checks = SignatureFieldFinder.Find(pdf).Select(field => VerifyBytes(pdf, file, field, policy.TrustAnchors, dssCertificates)).ToList();
        // Later signatures whose bytes verify may add their own fields; the analysis of earlier ones needs them.
        var intact = checks.Select(c => c.Result).Where(c => c.DigestMatches && c.SignatureValueValid && c.ByteRangeCoversRevision)
            .Select(c => new LaterSignature { ByteRange = c.ByteRange, RevisionEnd = c.ByteRange[2] + c.ByteRange[3], IsDocumentTimestamp = c.IsDocumentTimestamp })
            .ToList();
        var analysis = checks.Any(c => c.Result.ByteRangeCoversRevision && !c.Result.CoversWholeFile) ? ModificationAnalysis.Open(file) : null;
        // Today's answers say nothing about another date, and validating at a date must not touch the network.
        var online = policy.ValidationTime is null ? policy.Revocation : null;
        var now = policy.ValidationTime ?? DateTimeOffset.UtcNow;
        var results = new List<(SignatureVerification, TimestampAuthority?, IReadOnlyList<Org.BouncyCastle.X509.X509Certificate>)>();
        var asked = new Dictionary<string, Revocation.RevocationAnswer>(StringComparer.Ordinal);
        foreach (var (check, cms, authority) in checks)
        {
            var result = WithLaterChanges(check, analysis, intact);
            if (cms is not null)
                result = await RevocationStep.ApplyAsync(result, cms.Chain, dss.With(cms.Evidence), online, asked, now, ct);
            results.Add((result, authority, cms?.Chain ?? []));
        }
        var judged = policy.ValidationTime is { } at
            ? LongTermValidation.Apply(results, dss.With(Evidence(checks)), dssCertificates, policy.TrustAnchors, at)
            : results.Select(r => r.Item1).ToList();
        var hasDss = pdf.Get(pdf.Catalog, "DSS") is DictionaryToken;
        return judged.Select(r => r with { Level = Level(r, judged, hasDss) })
            .OrderBy(v => v.ByteRange.Count == 4 ? v.ByteRange[2] + v.ByteRange[3] : long.MaxValue).ToList();
    }

    // B-T needs a signature timestamp or a document timestamp over the signature (EN 319 142-1 allows either), B-LT a DSS as
    // well, B-LTA a document timestamp over a revision after this signature.
    private static string Level(SignatureVerification signature, IReadOnlyList<SignatureVerification> all, bool hasDss)
    {
        if (signature.IsDocumentTimestamp) return "B-LTA";
        var end = signature.ByteRange.Count == 4 ? signature.ByteRange[2] + signature.ByteRange[3] : long.MaxValue;
        var later = all.Any(t => t.IsDocumentTimestamp && t.IsIntact && t.ByteRange.Count == 4 && t.ByteRange[2] + t.ByteRange[3] > end);
        if (signature.TimestampValid != true && !later) return "B-B";
        if (!hasDss) return "B-T";
        return later ? "B-LTA" : "B-LT";
    }

    // Revocation data a CMS carries (Adobe's archival attribute) counts for every chain, as the DSS does.
    private static Revocation.RevocationEvidence Evidence(IEnumerable<(SignatureVerification, CmsCheck? Cms, TimestampAuthority?)> checks) =>
        checks.Select(c => c.Cms?.Evidence).OfType<Revocation.RevocationEvidence>().Aggregate(Revocation.RevocationEvidence.None, (a, b) => a.With(b));

    private static SignatureVerification WithLaterChanges(SignatureVerification check, ModificationAnalysis? analysis, IReadOnlyList<LaterSignature> intact)
    {
        if (analysis is null || !check.ByteRangeCoversRevision || check.CoversWholeFile) return check;
        var changes = analysis.Check(check.ByteRange[2] + check.ByteRange[3], intact, check.SignatureObject);
        return changes.Count == 0 ? check : check with { LaterChangesAllowed = false, Problems = [.. check.Problems, .. changes] };
    }

    private static (SignatureVerification Result, CmsCheck? Cms, TimestampAuthority? Authority) VerifyBytes(PdfStructure pdf, Stream file,
        SignatureField field, X509Certificate2Collection? trust, IReadOnlyList<Org.BouncyCastle.X509.X509Certificate> dssCertificates)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        if (field.SharedWith.Count > 0)
            problems.Add($"two fields share one signature value ({string.Join(", ", [field.Name, .. field.SharedWith])})");
        if (field.OnlyInAnnotations)
            notes.Add("the signature field is reachable only through a page's annotations, not through /AcroForm /Fields");
        var range = pdf.Get(field.Signature, "ByteRange") is ArrayToken array
            ? array.Data.Select(pdf.Resolve).OfType<NumericToken>().Select(n => n.Long).ToArray()
            : [];
        if (pdf.Get(field.Signature, "SubFilter") is not NameToken subFilter || !SubFilters.Contains(subFilter.Data) && subFilter.Data != DocumentTimestampSubFilter)
            problems.Add("unsupported /SubFilter");
        var claimed = PdfDate.Parse((pdf.Get(field.Signature, "M") as StringToken)?.Data);
        var inspection = ByteRangeInspector.Inspect(file, range);
        problems.AddRange(inspection.Problems);
        notes.AddRange(inspection.Notes);
        if (pdf.Get(field.Signature, "SubFilter") is NameToken { Data: DocumentTimestampSubFilter })
        {
            var timestamp = inspection.Cms is { } token ? DocumentTimestampChecker.Check(token, hash => Digest(file, range, hash), trust, dssCertificates) : null;
            return (DocumentTimestamp(field, file, range, inspection, timestamp, problems, notes), null, timestamp?.Authority);
        }

        CmsCheck? cms = null;
        if (inspection.Cms is { } der)
        {
            if (CmsSignatureChecker.DigestAlgorithm(der) is { } hash)
            {
                cms = CmsSignatureChecker.Check(der, hash, Digest(file, range, hash), claimed, trust, dssCertificates);
                problems.AddRange(cms.Problems);
            }
            else
            {
                problems.Add("the CMS cannot be read or uses an unsupported digest");
            }
        }

        var coversWholeFile = inspection.Problems.Count == 0 && inspection.RevisionEnd == file.Length;

        return (new SignatureVerification
        {
            FieldName = field.Name,
            SignatureObject = field.SignatureObject,
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
            TimestampTrusted = cms?.TimestampTrusted,
            LaterChangesAllowed = true,
            Problems = problems,
            Notes = notes,
        }, cms, cms?.SignatureTimestamp);
    }

    private static SignatureVerification DocumentTimestamp(SignatureField field, Stream file, long[] range, ByteRangeInspection inspection,
        DocumentTimestampCheck? check, List<string> problems, List<string> notes)
    {
        if (check is not null) problems.AddRange(check.Problems);
        var intact = check?.Intact ?? false;
        return new SignatureVerification
        {
            FieldName = field.Name,
            SignatureObject = field.SignatureObject,
            IsDocumentTimestamp = true,
            SignerName = check?.AuthorityName,
            SigningTime = check?.Time,
            ByteRange = range,
            ByteRangeCoversRevision = inspection.Problems.Count == 0,
            CoversWholeFile = inspection.Problems.Count == 0 && inspection.RevisionEnd == file.Length,
            DigestMatches = intact,
            SignatureValueValid = intact,
            CertificateValidAtSigningTime = intact,
            ChainTrusted = check?.Trusted,
            TimestampValid = intact,
            TimestampTime = check?.Time,
            TimestampTrusted = intact ? check?.Trusted : null,
            LaterChangesAllowed = true,
            Problems = problems,
            Notes = notes,
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
