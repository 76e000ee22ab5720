namespace Worker.Web;

/// <summary>Headers every approval response carries: no referrer (the URL holds the token), no framing, no caching, no sniffing.</summary>
public static class SecurityHeaders
{
    /// <summary>The policy of responses that show nothing; HTML pages replace it with one allowing their nonce-marked style.</summary>
    public const string Default = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static ValueTask<object?> AddAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = Default;
        return next(context);
    }
}
