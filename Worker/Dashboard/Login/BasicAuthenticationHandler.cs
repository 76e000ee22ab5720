using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Worker.Dashboard.Login;

/// <summary>
/// HTTP Basic for scripts and monitoring; accepted only over HTTPS (as the known proxy saw it), or from this machine on an
/// install whose public address is this machine too, where the password cannot be sniffed.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DashboardUsers users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "dashboard-basic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var remote = Context.Connection.RemoteIpAddress;
        if (!Request.IsHttps && !users.IsTrustedLocal(remote))
            return Task.FromResult(AuthenticateResult.Fail("Basic authentication needs HTTPS"));
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())); }
        catch (FormatException) { return Task.FromResult(AuthenticateResult.Fail("malformed Basic credentials")); }
        var colon = decoded.IndexOf(':');
        if (colon < 0) return Task.FromResult(AuthenticateResult.Fail("malformed Basic credentials"));
        var principal = users.SignIn(decoded[..colon], decoded[(colon + 1)..], remote, SchemeName);
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail("wrong user name or password")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
