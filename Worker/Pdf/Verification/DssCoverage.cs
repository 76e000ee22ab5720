using Worker.Pdf.Revocation;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Verification;

/// <summary>
/// Whether the DSS holds what B-LT asks for one signature: revocation data for its certificate chain. A catalog that merely has
/// a /DSS is not enough; a DSS written while the responder was silent holds certificates only.
/// </summary>
internal static class DssCoverage
{
    /// <summary>
    /// With a chain to an anchor: a signed OCSP response or CRL in the DSS about every certificate but the root that names a
    /// responder or distribution point (one that names none has nothing to hold). Without one (no anchors given): the
    /// signature's /VRI entry lists OCSP or CRL data, or exists for a signer certificate that names no revocation source.
    /// </summary>
    public static bool Covers(RevocationEvidence dss, IReadOnlyList<BcCertificate> chain, BcCertificate? signer, bool? vriHasRevocation,
        DateTimeOffset now)
    {
        if (chain.Count >= 2)
        {
            for (var i = 0; i + 1 < chain.Count; i++)
                if (NamesSource(chain[i]) && !EmbeddedRevocation.Holds(dss, chain[i], chain[i + 1], now))
                    return false;
            return true;
        }
        return vriHasRevocation == true || vriHasRevocation == false && signer is not null && !NamesSource(signer);
    }

    private static bool NamesSource(BcCertificate certificate) =>
        RevocationSources.OcspUrls(certificate).Count + RevocationSources.CrlUrls(certificate).Count > 0;
}
