using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Approval;

/// <summary>
/// Who may load a document's page images: the browser that opened its approval link. The page sets an HttpOnly, SameSite=Strict
/// cookie scoped to that document's image path, holding the link's token hash encrypted and time-limited (data protection), so
/// the image addresses carry no secret and every image request re-checks the link as the page does.
/// </summary>
public sealed class ApprovalPageAccess(IDataProtectionProvider protection, IOptions<WorkerOptions> options, TimeProvider clock)
{
    /// <summary>The cookie's name.</summary>
    public const string Cookie = "tte-pages";

    /// <summary>Longest a grant lives; a page left open longer is reloaded (the link itself may live for days).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Worker.Approval.PageImages").ToTimeLimitedDataProtector();

    /// <summary>Lets this browser load the images of <paramref name="documentId"/> while the link with <paramref name="tokenSha256"/> is open.</summary>
    public void Grant(HttpContext http, Guid documentId, byte[] tokenSha256, DateTimeOffset? linkExpires)
    {
        var left = linkExpires is { } e && e - clock.GetUtcNow() < Lifetime ? e - clock.GetUtcNow() : Lifetime;
        if (left <= TimeSpan.Zero) return;
        // The protector checks expiry against the system clock, so the end is set on it.
        var until = DateTimeOffset.UtcNow + left;
        var https = options.Value.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || http.Request.IsHttps;
        http.Response.Cookies.Append(Cookie, Protector.Protect($"{documentId:N}|{Convert.ToHexString(tokenSha256)}", until), new CookieOptions
        {
            Path = PathOf(documentId), HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = https, MaxAge = left, IsEssential = true,
        });
    }

    /// <summary>The token hash this browser was granted for <paramref name="documentId"/>; null without a valid, unexpired grant for it.</summary>
    public byte[]? TokenHashFor(HttpContext http, Guid documentId)
    {
        if (http.Request.Cookies[Cookie] is not { Length: > 0 and < 2048 } value) return null;
        string payload;
        try
        {
            payload = Protector.Unprotect(value, out _);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        return parts.Length == 2 && parts[0] == documentId.ToString("N") ? Convert.FromHexString(parts[1]) : null;
    }

    /// <summary>The images' path of a document, also the cookie's path.</summary>
    public static string PathOf(Guid documentId) => $"/approve/pages/{documentId:N}";
}
