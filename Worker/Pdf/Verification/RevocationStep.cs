using System.Globalization;
using Worker.Pdf.Revocation;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Verification;

/// <summary>
/// Checks every certificate of a trusted chain (except the root) for revocation: embedded data first, then online.
/// Revoked before the trusted signing time (a timestamp from a TSA that chains to an anchor) is invalid; without one any
/// revocation is, because a claimed time (or a self-made TSA's) cannot prove the signature came first.
/// </summary>
internal static class RevocationStep
{
    /// <summary>Applies the answers; <paramref name="asked"/> keeps them per certificate, so many signatures by one signer ask once.</summary>
    public static async Task<SignatureVerification> ApplyAsync(SignatureVerification result, IReadOnlyList<BcCertificate> chain,
        RevocationEvidence evidence, OnlineRevocationChecker? online, Dictionary<string, RevocationAnswer> asked, DateTimeOffset now, CancellationToken ct)
    {
        if (!result.IsIntact || chain.Count < 2) return result;
        var problems = result.Problems.ToList();
        var notes = result.Notes.ToList();
        var worst = RevocationStatus.NotChecked;
        for (var i = 0; i < chain.Count - 1; i++)
        {
            var (certificate, issuer) = (chain[i], chain[i + 1]);
            var key = $"{issuer.SubjectDN}|{certificate.SerialNumber}";
            var answer = EmbeddedRevocation.Check(evidence, certificate, issuer, now, result.TrustedTime);
            if (answer is null && !asked.TryGetValue(key, out answer))
                asked[key] = answer = online is not null ? await online.CheckAsync(certificate, issuer, ct) : Offline(certificate);
            var who = certificate.SubjectDN.GetValueList(Org.BouncyCastle.Asn1.X509.X509Name.CN).FirstOrDefault() ?? certificate.SubjectDN.ToString();
            switch (answer.Status)
            {
                case RevocationStatus.Revoked when result.TrustedTime is { } signedAt && answer.RevokedAt > signedAt:
                    notes.Add($"the certificate of {who} was revoked on {Format(answer.RevokedAt)}, after the timestamped signing time ({answer.Source})");
                    break;
                case RevocationStatus.Revoked:
                    problems.Add($"the certificate of {who} was revoked on {Format(answer.RevokedAt)}" +
                                 (result.TrustedTime is null ? " and the signing time is only claimed by the signer" : ", before the signing time") +
                                 $" ({answer.Source})");
                    break;
                case RevocationStatus.Unknown:
                    notes.Add($"{VerdictWords.RevocationUnknown}: {who}: {answer.Source}");
                    break;
            }
            worst = Worse(worst, answer.Status);
        }
        return result with { Problems = problems, Notes = notes, Revocation = worst };
    }

    private static RevocationAnswer Offline(BcCertificate certificate) =>
        RevocationSources.OcspUrls(certificate).Count + RevocationSources.CrlUrls(certificate).Count == 0
            ? RevocationAnswer.NotChecked
            : new RevocationAnswer { Status = RevocationStatus.Unknown, Source = "not checked online" };

    private static RevocationStatus Worse(RevocationStatus a, RevocationStatus b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(RevocationStatus s) => s switch
    {
        RevocationStatus.Revoked => 3,
        RevocationStatus.Unknown => 2,
        RevocationStatus.Good => 1,
        _ => 0,
    };

    private static string Format(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown date";
}
