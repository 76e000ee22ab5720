using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Dashboard.Login;

/// <summary>
/// What a dashboard cookie carries and how it is checked on every request: the user must still be configured with the same
/// role and the same password hash (a stamp of it), and the login must be younger than Worker:Web:SessionLifetime.
/// </summary>
public static class DashboardSession
{
    /// <summary>Claim with a digest of the password hash the user signed in with.</summary>
    public const string StampClaim = "tte:password-stamp";
    /// <summary>Claim with the time of the password login (Unix seconds); renewing the cookie keeps it.</summary>
    public const string SignedInClaim = "tte:signed-in";

    public static ClaimsPrincipal Principal(DashboardUserOptions user, DateTimeOffset now, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role.ToString()),
            // Antiforgery binds its tokens to this claim when present, not to all claims (the sign-in time differs per Basic request).
            new Claim(ClaimTypes.NameIdentifier, user.Name),
            new Claim(StampClaim, Stamp(user.PasswordHash)),
            new Claim(SignedInClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>A digest of the configured hash: changes whenever the password does, and tells nothing about it.</summary>
    public static string Stamp(string passwordHash) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("tte-dashboard-stamp\n" + passwordHash)));

    /// <summary>Whether a signed-in principal still matches the configuration now.</summary>
    public static bool IsCurrent(ClaimsPrincipal principal, WorkerOptions options, DateTimeOffset now)
    {
        var name = principal.Identity?.Name;
        var user = options.Dashboard.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        if (user is null || principal.FindFirstValue(ClaimTypes.Role) != user.Role.ToString()) return false;
        var stamp = principal.FindFirstValue(StampClaim);
        if (stamp is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stamp), Encoding.ASCII.GetBytes(Stamp(user.PasswordHash))))
            return false;
        return long.TryParse(principal.FindFirstValue(SignedInClaim), CultureInfo.InvariantCulture, out var at)
            && now - DateTimeOffset.FromUnixTimeSeconds(at) is var age && age >= TimeSpan.FromMinutes(-5) && age < options.Web.SessionLifetime;
    }

    /// <summary>The cookie handler's per-request check: a stale cookie is refused and removed.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Principal is { } principal && IsCurrent(principal, options, now)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
