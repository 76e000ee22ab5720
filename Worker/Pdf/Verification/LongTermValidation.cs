using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Revocation;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Verification;

/// <summary>
/// Validation at a given date with only what the file embeds (<c>verify FILE --at DATE --offline</c>). Every proof of
/// existence must hold at the time the next one proves: the newest document timestamp's TSA at DATE, each earlier one's
/// at the time of the next, a signature timestamp's at the first document timestamp after the signature, and the signer's
/// chain, with embedded revocation data, at the time its signature timestamp proves. What cannot be shown makes the
/// signature "not verifiable offline"; a certificate revoked before the time it vouched for makes it invalid.
/// </summary>
internal static class LongTermValidation
{
    /// <summary>The results with <see cref="SignatureVerification.Unproven"/> filled in, in the same order.</summary>
    public static List<SignatureVerification> Apply(
        IReadOnlyList<(SignatureVerification Result, TimestampAuthority? Authority, IReadOnlyList<BcCertificate> Chain)> items,
        RevocationEvidence evidence, IReadOnlyList<BcCertificate> dssCertificates, X509Certificate2Collection? trust, DateTimeOffset at)
    {
        var results = items.Select(i => i.Result).ToArray();
        // Without anchors nothing can be valid, so there is nothing to prove.
        if (trust is null) return [.. results];
        var proofs = new List<(long End, DateTimeOffset Time)>();
        DateTimeOffset ProvenBy(long end) => proofs.Where(p => p.End > end).Select(p => (DateTimeOffset?)p.Time).Min() ?? at;
        var timestamps = Enumerable.Range(0, items.Count).Where(i => results[i].IsDocumentTimestamp).OrderByDescending(i => End(results[i])).ToList();
        foreach (var i in timestamps)
        {
            if (!results[i].IsIntact || results[i].ChainTrusted != true || items[i].Authority is not { } authority) continue;
            var newest = i == timestamps[0];
            var (unproven, problems, notes) = Authority("the document timestamp", authority, ProvenBy(End(results[i])), newest, evidence, dssCertificates, trust, at);
            results[i] = With(results[i], unproven, problems, notes);
            if (results[i].IsIntact && unproven.Count == 0) proofs.Add((End(results[i]), authority.Time));
        }
        for (var i = 0; i < results.Length; i++)
        {
            var result = results[i];
            if (result.IsDocumentTimestamp || !result.IsIntact || result.ChainTrusted != true) continue;
            if (result.TrustedTime is null || items[i].Authority is not { } authority)
            {
                results[i] = ByDocumentTimestamp(result, items[i].Chain, ProvenBy(End(result)), evidence, dssCertificates, trust, at);
                continue;
            }
            var (unproven, problems, notes) = Authority("the signature timestamp", authority, ProvenBy(End(result)), newest: false, evidence, dssCertificates, trust, at);
            if (result.Revocation == RevocationStatus.Unknown)
                unproven.Insert(0, "the file holds no OCSP response or CRL showing that the signer's chain was not revoked at the signing time (no DSS: B-T)");
            results[i] = With(result, unproven, problems, notes);
        }
        return [.. results];
    }

    // Without a signature timestamp, the first proven document timestamp after the signature proves when it existed (B-T by a
    // document timestamp): the signer's chain must hold then, with revocation data issued no earlier.
    private static SignatureVerification ByDocumentTimestamp(SignatureVerification result, IReadOnlyList<BcCertificate> chain, DateTimeOffset provenAt,
        RevocationEvidence evidence, IReadOnlyList<BcCertificate> dssCertificates, X509Certificate2Collection trust, DateTimeOffset at)
    {
        if (provenAt == at || chain.Count == 0)
            return result with { Unproven = ["no timestamp from a trusted TSA proves when it was signed (B-B), so its certificate cannot be judged after it expires"] };
        if (ChainBuilder.TrustedAt(chain[0], [.. chain, .. dssCertificates], trust, provenAt) is not { } atProof)
            return result with { Unproven = [$"the signer's certificate is not valid at {Format(provenAt)}, the time of the first document timestamp after it"] };
        var unproven = new List<string>();
        for (var i = 0; i + 1 < atProof.Count; i++)
            if (EmbeddedRevocation.Check(evidence, atProof[i], atProof[i + 1], at, provenAt) is null
                && RevocationSources.OcspUrls(atProof[i]).Count + RevocationSources.CrlUrls(atProof[i]).Count > 0)
                unproven.Add($"the file holds no OCSP response or CRL issued after {Format(provenAt)} for {Name(atProof[i])}");
        // The embedded-only revocation step could not place its answers without a signing time; this one did.
        var notes = unproven.Count == 0 ? result.Notes.Where(n => !n.StartsWith(VerdictWords.RevocationUnknown, StringComparison.Ordinal)).ToList() : result.Notes;
        return result with { Unproven = unproven, Notes = notes };
    }

    // A TSA's certificate must chain to an anchor at the time a later proof (or DATE) shows the token existed, and not be revoked before its own time.
    private static (List<string> Unproven, List<string> Problems, List<string> Notes) Authority(string what, TimestampAuthority authority,
        DateTimeOffset provenAt, bool newest, RevocationEvidence evidence, IReadOnlyList<BcCertificate> dssCertificates, X509Certificate2Collection trust,
        DateTimeOffset at)
    {
        var (unproven, problems, notes) = (new List<string>(), new List<string>(), new List<string>());
        var who = Name(authority.Certificate);
        var until = provenAt == at ? $"--at {Format(at)}" : $"{Format(provenAt)}, the time of the next document timestamp";
        if (authority.Time > provenAt)
        {
            unproven.Add($"{what} of {who} ({Format(authority.Time)}) is later than {until}");
            return (unproven, problems, notes);
        }
        if (ChainBuilder.TrustedAt(authority.Certificate, [.. authority.Pool, .. dssCertificates], trust, provenAt) is not { } chain)
        {
            unproven.Add($"the TSA certificate of {what} ({who}) is not valid at {until} (expired, or no chain to a trust anchor then): a newer document timestamp is needed");
            return (unproven, problems, notes);
        }
        for (var i = 0; i + 1 < chain.Count; i++)
        {
            var answer = EmbeddedRevocation.Check(evidence, chain[i], chain[i + 1], at, authority.Time);
            var certificate = Name(chain[i]);
            if (answer is null && RevocationSources.OcspUrls(chain[i]).Count + RevocationSources.CrlUrls(chain[i]).Count > 0)
            {
                // Nothing can embed the newest timestamp's own revocation data before it exists; it is today's question.
                if (newest) notes.Add($"{VerdictWords.RevocationUnknown}: {certificate}: the file holds no answer for the newest document timestamp's TSA");
                else unproven.Add($"the file holds no OCSP response or CRL for {certificate}, the TSA of {what}");
            }
            else if (answer is { Status: RevocationStatus.Revoked } revoked && revoked.RevokedAt <= authority.Time)
                problems.Add($"the TSA certificate {certificate} was revoked on {Format(revoked.RevokedAt)}, before {what} ({revoked.Source})");
            else if (answer is { Status: RevocationStatus.Revoked } later)
                notes.Add($"the TSA certificate {certificate} was revoked on {Format(later.RevokedAt)}, after {what} ({later.Source})");
        }
        return (unproven, problems, notes);
    }

    private static SignatureVerification With(SignatureVerification result, List<string> unproven, List<string> problems, List<string> notes) =>
        result with { Unproven = unproven, Problems = [.. result.Problems, .. problems], Notes = [.. result.Notes, .. notes] };

    private static long End(SignatureVerification r) => r.ByteRange.Count == 4 ? r.ByteRange[2] + r.ByteRange[3] : long.MaxValue;

    private static string Name(BcCertificate certificate) =>
        certificate.SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN).FirstOrDefault() ?? certificate.SubjectDN.ToString();

    private static string Format(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown date";
}
