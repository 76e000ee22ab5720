using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;

namespace Worker.Pdf.Timestamps;

/// <summary>Checks a TSA's answer against the request it was sent for and extracts the token.</summary>
internal static class TimestampResponseCheck
{
    // The RFC 3161 failure reasons a TSA may give, by their bit in BouncyCastle's PkiFailureInfo.
    private static readonly (int Bit, string Name)[] FailureNames =
    [
        (PkiFailureInfo.BadAlg, "badAlg"),
        (PkiFailureInfo.BadRequest, "badRequest"),
        (PkiFailureInfo.BadDataFormat, "badDataFormat"),
        (PkiFailureInfo.TimeNotAvailable, "timeNotAvailable"),
        (PkiFailureInfo.UnacceptedPolicy, "unacceptedPolicy"),
        (PkiFailureInfo.UnacceptedExtension, "unacceptedExtension"),
        (PkiFailureInfo.AddInfoNotAvailable, "addInfoNotAvailable"),
        (PkiFailureInfo.SystemFailure, "systemFailure"),
    ];

    /// <summary>Returns the DER token from <paramref name="body"/>, or throws a <see cref="TimestampException"/> saying what is wrong.</summary>
    public static byte[] TokenFrom(Uri url, TimeStampRequest request, byte[] body, string? contentType)
    {
        var response = Parse(url, body, contentType);

        var status = (PkiStatus)response.Status;
        if (status is not (PkiStatus.Granted or PkiStatus.GrantedWithMods))
        {
            throw Fail(url, $"refused the request: {Describe(response, status)}");
        }

        var token = response.TimeStampToken ?? throw Fail(url, "granted the request but sent no token");
        var info = token.TimeStampInfo;
        if (info.Nonce is null || !info.Nonce.Equals(request.Nonce))
        {
            throw Fail(url, "answered with a different nonce, so the answer is not for this request");
        }
        if (info.MessageImprintAlgOid != request.MessageImprintAlgOid
            || !info.GetMessageImprintDigest().AsSpan().SequenceEqual(request.GetMessageImprintDigest()))
        {
            throw Fail(url, "timestamped a different message imprint than the one sent");
        }

        var certificate = SigningCertificate(url, token);
        try
        {
            // Checks the ESS certificate id, the timeStamping key usage, validity at genTime and the signature.
            token.Validate(certificate);
        }
        catch (Exception e) when (e is TspException or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            throw Fail(url, $"sent a token that does not verify against its certificate: {OneLine(e.Message)}", e);
        }
        return token.GetEncoded();
    }

    private static TimeStampResponse Parse(Uri url, byte[] body, string? contentType)
    {
        try
        {
            return new TimeStampResponse(body);
        }
        catch (Exception e)
        {
            // Bytes from the network may break the ASN.1 and CMS parsers in many ways; all mean the same to us.
            var type = string.IsNullOrEmpty(contentType) ? "" : $" (Content-Type {contentType}, {body.Length} bytes)";
            throw Fail(url, $"answered something that is not an RFC 3161 timestamp response{type}", e);
        }
    }

    private static X509Certificate SigningCertificate(Uri url, TimeStampToken token)
    {
        var matches = token.GetCertificates().EnumerateMatches(token.SignerID);
        return matches.FirstOrDefault()
            ?? throw Fail(url, "sent a token without its signing certificate, although the request asked for it");
    }

    private static string Describe(TimeStampResponse response, PkiStatus status)
    {
        var text = response.GetStatusString();
        var failure = response.GetFailInfo();
        var names = failure is null ? [] : FailureNames.Where(name => (failure.IntValue & name.Bit) != 0).Select(name => name.Name).ToList();
        var detail = names.Count == 0 ? "" : $" ({string.Join(", ", names)})";
        return string.IsNullOrWhiteSpace(text) ? $"status {status}{detail}" : $"status {status}{detail}: {OneLine(text)}";
    }

    private static TimestampException Fail(Uri url, string reason, Exception? inner = null) =>
        new($"TSA {url} {reason}", inner);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
