using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Timestamps;

namespace Worker.Signing;

/// <summary>The configured time-stamp authority as the engine's time stamper; none configured means no timestamp.</summary>
public sealed class TimestampSource(IOptions<WorkerOptions> options, IHttpClientFactory http)
{
    /// <summary>The TSA, for signature and document timestamps; null without one.</summary>
    public ITimeStamper? Stamper()
    {
        var url = options.Value.Timestamp.Url;
        return url.Length == 0 ? null : new HttpTimeStamper(http.CreateClient("tsa"), new Uri(url), TimeSpan.FromSeconds(20));
    }
}
