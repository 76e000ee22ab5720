namespace Worker.Configuration;

/// <summary>The <c>Worker:Web</c> keys that bound how many uploads are parsed at once.</summary>
public sealed class ParseLimitOptions
{
    /// <summary>Uploads (POST /verify, POST /api/documents) parsed at the same time; more wait a second, then get 503.</summary>
    public int MaxConcurrentParses { get; set; } = 2;
}
