using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Worker.Web;

/// <summary>Renders a page component (ASP.NET Core's RazorComponentResult) with a fresh CSP nonce, passed as its Nonce parameter.</summary>
public static class PhonePage
{
    public static RazorComponentResult Render<TComponent>(HttpContext http, int status, IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Response.Headers.ContentSecurityPolicy = PageSecurity.PolicyFor(nonce);
        var all = new Dictionary<string, object?>(parameters) { ["Nonce"] = nonce };
        // No streaming: the status code and headers must be final before the first byte.
        return new RazorComponentResult<TComponent>(all) { StatusCode = status, PreventStreamingRendering = true, ContentType = "text/html; charset=utf-8" };
    }
}
