using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Worker.Signing;

/// <summary>Whose certificate a new signature must carry: a fingerprint, or the official's NIK or email in the subject.</summary>
public sealed record ExpectedCertificate
{
    /// <summary>SHA-256 of the certificate (hex), or empty.</summary>
    public string Sha256 { get; init; } = "";
    /// <summary>NIK that must be the subject's serialNumber or inside its common name, or empty.</summary>
    public string Nik { get; init; } = "";
    /// <summary>Email that must be the subject's emailAddress or an rfc822 alternative name, or empty.</summary>
    public string Email { get; init; } = "";

    /// <summary>Null when <paramref name="certificate"/> is the expected one, else why not (one phrase).</summary>
    public string? Mismatch(X509Certificate2 certificate)
    {
        var subject = certificate.Subject;
        if (Sha256.Length > 0)
            return Convert.ToHexString(SHA256.HashData(certificate.RawData)).Equals(Sha256, StringComparison.OrdinalIgnoreCase)
                ? null : $"signed by {subject}, not by the certificate with SHA-256 {Sha256.ToLowerInvariant()}";
        var attributes = Attributes(certificate.SubjectName);
        if (Nik.Length > 0)
            return attributes.Any(a => (a.Oid == "2.5.4.5" && a.Value == Nik) || (a.Oid == "2.5.4.3" && a.Value.Contains(Nik, StringComparison.Ordinal)))
                ? null : $"signed by {subject}, which does not carry NIK {Nik}";
        if (Email.Length > 0)
            return attributes.Any(a => a.Oid == "1.2.840.113549.1.9.1" && a.Value.Equals(Email, StringComparison.OrdinalIgnoreCase))
                || AlternativeEmails(certificate).Contains(Email, StringComparer.OrdinalIgnoreCase)
                ? null : $"signed by {subject}, which does not carry the email {Email}";
        return "no expected certificate is configured";
    }

    private static List<(string Oid, string Value)> Attributes(X500DistinguishedName name) =>
        name.EnumerateRelativeDistinguishedNames()
            .Where(r => !r.HasMultipleElements && r.GetSingleElementValue() is not null)
            .Select(r => (r.GetSingleElementType().Value ?? "", r.GetSingleElementValue()!))
            .ToList();

    private static List<string> AlternativeEmails(X509Certificate2 certificate)
    {
        var emails = new List<string>();
        if (certificate.Extensions["2.5.29.17"] is not { } san) return emails;
        try
        {
            var sequence = new AsnReader(san.RawData, AsnEncodingRules.DER).ReadSequence();
            var rfc822 = new Asn1Tag(TagClass.ContextSpecific, 1);
            while (sequence.HasData)
            {
                if (sequence.PeekTag() == rfc822) emails.Add(sequence.ReadCharacterString(UniversalTagNumber.IA5String, rfc822));
                else sequence.ReadEncodedValue();
            }
        }
        catch (AsnContentException)
        {
            // A malformed extension names nobody.
        }
        return emails;
    }
}
