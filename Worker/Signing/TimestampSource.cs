using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Timestamps;

namespace Worker.Signing;

/// <summary>The configured time-stamp authority as the engine's callback; none configured means no timestamp.</summary>
public sealed class TimestampSource(IOptions<WorkerOptions> options, IHttpClientFactory http)
{
    public Func<byte[], CancellationToken, Task<byte[]>>? Callback()
    {
        var url = options.Value.Timestamp.Url;
        if (url.Length == 0) return null;
        var stamper = new HttpTimeStamper(http.CreateClient("tsa"), new Uri(url), TimeSpan.FromSeconds(20));
        return stamper.GetTokenAsync;
    }

    /// <summary>A token over a digest the caller computed (document timestamps); null without a TSA.</summary>
    public Func<byte[], CancellationToken, Task<byte[]>>? DigestCallback()
    {
        var url = options.Value.Timestamp.Url;
        if (url.Length == 0) return null;
        return new HttpTimeStamper(http.CreateClient("tsa"), new Uri(url), TimeSpan.FromSeconds(20)).GetTokenForDigestAsync;
    }
}
