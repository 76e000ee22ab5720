using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Revocation;

/// <summary>The OCSP responders (Authority Information Access) and CRL distribution points a certificate names.</summary>
internal static class RevocationSources
{
    public static IReadOnlyList<Uri> OcspUrls(BcCertificate certificate)
    {
        var value = certificate.GetExtensionValue(X509Extensions.AuthorityInfoAccess);
        if (value is null) return [];
        var access = AuthorityInformationAccess.GetInstance(Asn1Object.FromByteArray(value.GetOctets()));
        return access.GetAccessDescriptions()
            .Where(d => d.AccessMethod.Equals(AccessDescription.IdADOcsp))
            .SelectMany(d => HttpUrl(d.AccessLocation))
            .ToList();
    }

    public static IReadOnlyList<Uri> CrlUrls(BcCertificate certificate)
    {
        var value = certificate.GetExtensionValue(X509Extensions.CrlDistributionPoints);
        if (value is null) return [];
        var points = CrlDistPoint.GetInstance(Asn1Object.FromByteArray(value.GetOctets()));
        return points.GetDistributionPoints()
            .Select(p => p.DistributionPointName)
            .Where(n => n is not null && n.Type == DistributionPointName.FullName)
            .SelectMany(n => GeneralNames.GetInstance(n.Name).GetNames())
            .SelectMany(HttpUrl)
            .ToList();
    }

    // Only http(s): ldap:// and file:// locations are not fetched from a public verification page.
    private static IEnumerable<Uri> HttpUrl(GeneralName name)
    {
        if (name.TagNo == GeneralName.UniformResourceIdentifier
            && Uri.TryCreate(DerIA5String.GetInstance(name.Name).GetString(), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https")
            yield return uri;
    }
}
