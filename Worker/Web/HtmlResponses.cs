using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Worker.Web;

/// <summary>HTML responses built as strings rather than Razor components.</summary>
public static class HtmlResponses
{
    /// <summary>An HTML page with a fresh CSP nonce for its inline style (the /verify pages, still assembled as strings).</summary>
    public static ContentHttpResult Html(HttpContext http, int status, Func<string, string> render)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Response.Headers.ContentSecurityPolicy = PageSecurity.PolicyFor(nonce);
        return TypedResults.Content(render(nonce), "text/html; charset=utf-8", statusCode: status);
    }
}
