using System.Net.Http.Headers;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Worker.Pdf.Revocation;

/// <summary>
/// Asks the OCSP responders, then the CRL distribution points, that a certificate names; gives up after a short
/// timeout so an unreachable responder makes the status unknown instead of stalling the verification.
/// </summary>
public sealed class OnlineRevocationChecker(HttpClient http, TimeSpan timeout)
{
    // OCSP answers are a few kilobytes; a CRL of a large CA can be several megabytes.
    private const int MaxOcspBytes = 256 * 1024;
    private const int MaxCrlBytes = 16 * 1024 * 1024;

    /// <summary>The time each certificate's checks may take together.</summary>
    public TimeSpan Timeout => timeout;

    internal async Task<RevocationAnswer> CheckAsync(BcCertificate certificate, BcCertificate issuer, CancellationToken ct) =>
        (await FetchEvidenceAsync(certificate, issuer, ct)).Answer;

    /// <summary>The status and the signed answer it came from (DER OCSP response or CRL), for a DSS that keeps it.</summary>
    internal async Task<(RevocationAnswer Answer, RevocationEvidence Evidence)> FetchEvidenceAsync(BcCertificate certificate, BcCertificate issuer,
        CancellationToken ct)
    {
        var ocsp = RevocationSources.OcspUrls(certificate);
        var crls = RevocationSources.CrlUrls(certificate);
        if (ocsp.Count == 0 && crls.Count == 0) return (RevocationAnswer.NotChecked, RevocationEvidence.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var failures = new List<string>();
        foreach (var url in ocsp)
        {
            var body = await FetchAsync(url, OcspAnswer.Request(certificate, issuer), MaxOcspBytes, failures, deadline.Token, ct);
            if (body is not null && OcspAnswer.Read(body, certificate, issuer, DateTimeOffset.UtcNow, Freshness.LiveAnswer, $"OCSP {url}") is { } answer)
                return (answer, new RevocationEvidence { OcspResponses = [body] });
            if (body is not null) failures.Add($"OCSP {url}: no signed answer about this certificate");
        }
        foreach (var url in crls)
        {
            var body = await FetchAsync(url, null, MaxCrlBytes, failures, deadline.Token, ct);
            if (body is not null && CrlAnswer.Read(body, certificate, issuer, DateTimeOffset.UtcNow, Freshness.LiveAnswer, $"CRL {url}") is { } answer)
                return (answer, new RevocationEvidence { Crls = [body] });
            if (body is not null) failures.Add($"CRL {url}: not a current CRL signed by the issuer");
        }
        return (new RevocationAnswer { Status = RevocationStatus.Unknown, Source = string.Join("; ", failures) }, RevocationEvidence.None);
    }

    private async Task<byte[]?> FetchAsync(Uri url, byte[]? ocspRequest, int maxBytes, List<string> failures, CancellationToken deadline,
        CancellationToken caller)
    {
        var kind = ocspRequest is null ? "CRL" : "OCSP";
        try
        {
            using var request = new HttpRequestMessage(ocspRequest is null ? HttpMethod.Get : HttpMethod.Post, url);
            if (ocspRequest is not null)
            {
                request.Content = new ByteArrayContent(ocspRequest);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ocsp-request");
            }
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{kind} {url}: HTTP {(int)response.StatusCode}");
                return null;
            }
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                failures.Add($"{kind} {url}: answer larger than {maxBytes} bytes");
                return null;
            }
            await using var stream = await response.Content.ReadAsStreamAsync(deadline);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            for (int read; (read = await stream.ReadAsync(chunk, deadline)) > 0;)
            {
                if (buffer.Length + read > maxBytes)
                {
                    failures.Add($"{kind} {url}: answer larger than {maxBytes} bytes");
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            failures.Add($"{kind} {url}: no answer within {timeout.TotalSeconds:0.#} s");
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            failures.Add($"{kind} {url}: not reachable");
            return null;
        }
    }
}
