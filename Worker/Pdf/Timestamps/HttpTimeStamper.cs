using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using Org.BouncyCastle.Tsp;

namespace Worker.Pdf.Timestamps;

/// <summary>Asks an RFC 3161 timestamp authority over HTTP and accepts only a token it has checked.</summary>
public sealed class HttpTimeStamper : ITimeStamper
{
    // A timestamp response is a few kilobytes; anything far larger is not one.
    private const int MaxResponseBytes = 1024 * 1024;

    private readonly HttpClient _httpClient;
    private readonly TimeSpan _timeout;
    private readonly TokenReserve _reserve;

    /// <summary>
    /// Creates a time stamper for the TSA at <paramref name="url"/>, giving each request at most <paramref name="timeout"/>;
    /// stampers for one TSA may share a <paramref name="reserve"/> so its token size is learnt once.
    /// </summary>
    public HttpTimeStamper(HttpClient httpClient, Uri url, TimeSpan timeout, TokenReserve? reserve = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The TSA address must be an absolute http or https URL, not '{url}'.", nameof(url));
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _httpClient = httpClient;
        Url = url;
        _timeout = timeout;
        _reserve = reserve ?? new TokenReserve();
    }

    /// <summary>The TSA's address.</summary>
    public Uri Url { get; }

    /// <inheritdoc />
    public Task<byte[]> GetTokenAsync(byte[] data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        return GetTokenForDigestAsync(SHA256.HashData(data), ct);
    }

    /// <inheritdoc />
    public async Task<byte[]> GetTokenForDigestAsync(byte[] sha256, CancellationToken ct)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var request = generator.Generate(TspAlgorithms.Sha256, sha256, NewNonce());

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_timeout);
        try
        {
            var (body, contentType) = await PostAsync(request.GetEncoded(), deadline.Token).ConfigureAwait(false);
            var token = TimestampResponseCheck.TokenFrom(Url, request, body, contentType);
            if (token.Length > TokenReserve.MaxTokenBytes)
            {
                throw new TimestampException($"TSA {Url} sent a token of {token.Length} bytes, more than the {TokenReserve.MaxTokenBytes / 1024} KiB a signature makes room for");
            }
            _reserve.Record(token.Length);
            return token;
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TimestampException($"TSA {Url} did not answer within {_timeout.TotalSeconds:0.###} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new TimestampException($"TSA {Url} did not answer: {Reason(e)}", e);
        }
        catch (IOException e)
        {
            throw new TimestampException($"TSA {Url} broke the connection while answering: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    /// <summary>The reserve for this TSA's tokens; the first call asks the TSA for one token, over an empty document's digest, to learn their size.</summary>
    public Task<int> TokenReserveAsync(CancellationToken ct) =>
        _reserve.BytesAsync(probe => GetTokenForDigestAsync(SHA256.HashData([]), probe), ct);

    private async Task<(byte[] Body, string? ContentType)> PostAsync(byte[] query, CancellationToken ct)
    {
        using var content = new ByteArrayContent(query);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var message = new HttpRequestMessage(HttpMethod.Post, Url) { Content = content };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/timestamp-reply"));

        using var response = await _httpClient
            .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new TimestampException($"TSA {Url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
        }

        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxResponseBytes)
                {
                    throw new TimestampException($"TSA {Url} sent more than {MaxResponseBytes / 1024} KiB, which is not a timestamp response");
                }
                body.Write(buffer, 0, read);
            }
            return (body.ToArray(), response.Content.Headers.ContentType?.MediaType);
        }
    }

    // 64 random bits, never zero: ties the answer to this request so a replayed response is caught.
    private static Org.BouncyCastle.Math.BigInteger NewNonce()
    {
        var bytes = RandomNumberGenerator.GetBytes(8);
        bytes[0] |= 0x01;
        return new Org.BouncyCastle.Math.BigInteger(1, bytes);
    }

    private static string Reason(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData => "host not found",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                    _ => socket.Message,
                };
            }
        }
        return e.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => "the connection closed before a valid HTTP answer",
            _ => e.Message.ReplaceLineEndings(" "),
        };
    }
}
