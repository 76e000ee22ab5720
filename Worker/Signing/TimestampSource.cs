using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Timestamps;

namespace Worker.Signing;

/// <summary>The configured time-stamp authority as the engine's callback; none configured means no timestamp.</summary>
public sealed class TimestampSource(IOptions<TimestampOptions> timestamp, IHttpClientFactory http)
{
    /// <summary>A token over the data (the signature value, for B-T); null without a TSA.</summary>
    public Func<byte[], CancellationToken, Task<byte[]>>? Callback() => Stamper() is { } s ? s.GetTokenAsync : null;

    /// <summary>A token over a digest the caller computed (document timestamps); null without a TSA.</summary>
    public Func<byte[], CancellationToken, Task<byte[]>>? DigestCallback() => Stamper() is { } s ? s.GetTokenForDigestAsync : null;

    private HttpTimeStamper? Stamper()
    {
        var url = timestamp.Value.Url;
        return url.Length == 0 ? null : new HttpTimeStamper(http.CreateClient("tsa"), new Uri(url), TimeSpan.FromSeconds(20));
    }
}
