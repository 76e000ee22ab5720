using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Timestamps;

namespace Worker.Signing;

/// <summary>The configured time-stamp authority as the engine's time stamper; none configured means no timestamp.</summary>
public sealed class TimestampSource(IOptions<TimestampOptions> timestamp, IHttpClientFactory http)
{
    // One for the process: the size of the TSA's tokens is learnt by one probe, not one per signature.
    private readonly TokenReserve _reserve = new();

    /// <summary>The TSA, for signature and document timestamps; null without one.</summary>
    public ITimeStamper? Stamper()
    {
        var url = timestamp.Value.Url;
        // A fresh client each time, as IHttpClientFactory intends; the reserve is what outlives it.
        return url.Length == 0 ? null : new HttpTimeStamper(http.CreateClient("tsa"), new Uri(url), TimeSpan.FromSeconds(20), _reserve);
    }
}
