using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Revocation;
using Worker.Pdf.Verification;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;

namespace Worker.Pdf.Ltv;

/// <summary>
/// Gathers what a DSS must hold for every signature and document timestamp of a file, whoever made it: the
/// chains of the signer and of each TSA, and an OCSP response (or else a CRL) for every certificate but the roots.
/// A certificate whose responder or distribution point did not answer is asked again after each of <paramref name="retryDelays"/>
/// (none by default), so a responder that is down for a moment does not leave a filed letter short of B-LT.
/// </summary>
public sealed class LtvCollector(X509Certificate2Collection trust, OnlineRevocationChecker online, IReadOnlyList<TimeSpan>? retryDelays = null,
    TimeProvider? clock = null)
{
    public async Task<(DssContent Content, IReadOnlyList<string> Problems)> CollectAsync(string path, CancellationToken ct)
    {
        var signatures = Signatures(path).Select(s => (s.Name, s.Contents, Chains: s.Leaves.Select(l => (l.Leaf, Chain: Chain(l.Leaf, l.Pool))).ToList())).ToList();
        var asked = signatures.SelectMany(s => s.Chains).SelectMany(c => c.Chain.Zip(c.Chain.Skip(1)))
            .DistinctBy(pair => Key(pair.First)).ToList();
        var answered = new Dictionary<string, (RevocationAnswer Answer, RevocationEvidence Evidence)>();
        var attempts = 0;
        for (var unanswered = asked; unanswered.Count > 0; unanswered = unanswered.Where(p => answered[Key(p.First)].Answer.Status == RevocationStatus.Unknown).ToList())
        {
            if (attempts > 0)
            {
                if (attempts > (retryDelays?.Count ?? 0)) break;
                await Task.Delay(retryDelays![attempts - 1], clock ?? TimeProvider.System, ct);
            }
            attempts++;
            foreach (var (certificate, issuer) in unanswered) answered[Key(certificate)] = await online.FetchEvidenceAsync(certificate, issuer, ct);
        }

        var certificates = new List<byte[]>();
        var ocsps = new List<byte[]>();
        var crls = new List<byte[]>();
        var entries = new List<DssSignatureEntry>();
        var problems = new List<string>();
        var reported = new HashSet<string>();
        var tries = attempts > 1 ? $"; {attempts} attempts" : "";
        foreach (var (name, contents, chains) in signatures)
        {
            var certIndexes = new List<int>();
            var ocspIndexes = new List<int>();
            var crlIndexes = new List<int>();
            foreach (var (leaf, chain) in chains)
            {
                foreach (var certificate in chain) certIndexes.Add(IndexOf(certificates, certificate.GetEncoded()));
                for (var i = 0; i + 1 < chain.Count; i++)
                {
                    var (answer, evidence) = answered[Key(chain[i])];
                    // A certificate that names no OCSP responder or CRL has no revocation data to keep; only an unanswered one is missing.
                    if (reported.Add(Key(chain[i])))
                    {
                        if (answer.Status is RevocationStatus.Unknown)
                            problems.Add($"{name}: no revocation data for {chain[i].SubjectDN} ({answer.Source}{tries})");
                        else if (answer.Status == RevocationStatus.Revoked)
                            problems.Add($"{name}: {chain[i].SubjectDN} is revoked ({answer.Source})");
                    }
                    ocspIndexes.AddRange(evidence.OcspResponses.Select(o => IndexOf(ocsps, o)));
                    crlIndexes.AddRange(evidence.Crls.Select(c => IndexOf(crls, c)));
                }
                if (chain.Count < 2 || !IsSelfSigned(chain[^1]))
                    problems.Add($"{name}: the chain of {leaf.SubjectDN} does not reach a trusted root");
            }
            entries.Add(new DssSignatureEntry
            {
                Key = Convert.ToHexString(SHA1.HashData(contents)),
                Certificates = certIndexes.Distinct().ToList(),
                OcspResponses = ocspIndexes.Distinct().ToList(),
                Crls = crlIndexes.Distinct().ToList(),
            });
        }
        return (new DssContent { Certificates = certificates, OcspResponses = ocsps, Crls = crls, Signatures = entries }, problems);
    }

    private static string Key(BcCertificate certificate) =>
        Convert.ToHexString(certificate.GetEncoded().AsSpan()[..Math.Min(64, certificate.GetEncoded().Length)]) + certificate.SerialNumber;

    /// <summary>Per signature field: its name, the raw /Contents bytes (the VRI key is their SHA-1) and the end-entity certificates to validate.</summary>
    private static List<(string Name, byte[] Contents, List<(BcCertificate Leaf, List<BcCertificate> Pool)> Leaves)> Signatures(string path)
    {
        using var file = File.OpenRead(path);
        using var pdf = PdfStructure.Open(file);
        var found = new List<(string, byte[], List<(BcCertificate, List<BcCertificate>)>)>();
        foreach (var field in SignatureFieldFinder.Find(pdf))
        {
            if (pdf.Get(field.Signature, "Contents") is not { } contentsToken) continue;
            var contents = contentsToken switch { HexToken h => h.Bytes.ToArray(), StringToken s => System.Text.Encoding.Latin1.GetBytes(s.Data), _ => null };
            if (contents is null) continue;
            var der = ByteRangeInspector.TrimmedCms(contents);
            if (der is null) continue;
            found.Add((field.Name, contents, Leaves(der)));
        }
        return found;
    }

    private static List<(BcCertificate, List<BcCertificate>)> Leaves(byte[] der)
    {
        var leaves = new List<(BcCertificate, List<BcCertificate>)>();
        try
        {
            var signed = new CmsSignedData(der);
            var pool = signed.GetCertificates().EnumerateMatches(null).ToList();
            foreach (var signer in signed.GetSignerInfos().GetSigners())
            {
                if (pool.FirstOrDefault(c => signer.SignerID.Match(c)) is { } leaf) leaves.Add((leaf, pool));
                // The signature-time-stamp's TSA chain must be validated too (and kept).
                if (signer.UnsignedAttributes?[PkcsObjectIdentifiers.IdAASignatureTimeStampToken] is { } attribute)
                    leaves.AddRange(TimestampLeaf(new TimeStampToken(ContentInfo.GetInstance(attribute.AttrValues[0]))));
            }
            // A document timestamp's /Contents is itself a timestamp token.
            if (signed.SignedContentType.Id == PkcsObjectIdentifiers.IdCTTstInfo.Id)
                leaves.AddRange(TimestampLeaf(new TimeStampToken(signed)));
        }
        catch (Exception e) when (e is CmsException or TspException or IOException or ArgumentException or InvalidCastException)
        {
            // An unreadable CMS has nothing to validate; the verifier reports it.
        }
        return leaves;
    }

    private static IEnumerable<(BcCertificate, List<BcCertificate>)> TimestampLeaf(TimeStampToken token)
    {
        var pool = token.GetCertificates().EnumerateMatches(null).ToList();
        if (pool.FirstOrDefault(c => token.SignerID.Match(c)) is { } tsa) yield return (tsa, pool);
    }

    // Expired certificates are kept too: the DSS is for validation at a later date.
    private List<BcCertificate> Chain(BcCertificate leaf, List<BcCertificate> pool) => ChainBuilder.Build(leaf, pool, trust, at: null).Elements;

    private static bool IsSelfSigned(BcCertificate certificate) => certificate.IssuerDN.Equivalent(certificate.SubjectDN);

    private static int IndexOf(List<byte[]> items, byte[] item)
    {
        var index = items.FindIndex(i => i.AsSpan().SequenceEqual(item));
        if (index >= 0) return index;
        items.Add(item);
        return items.Count - 1;
    }
}
