using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Worker.Api;

/// <summary>
/// <c>Authorization: Bearer KEY</c> for the API. The key is only hashed and compared, never logged or kept; a missing or
/// unknown key is answered 401 with a problem body saying how to authenticate.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiClients clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "api-key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiClients.BearerKey(Request.Headers.Authorization) is not { } key) return Task.FromResult(AuthenticateResult.NoResult());
        if (clients.Authenticate(key) is not { } client) return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, client.Name)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = ApiClients.BearerKey(Request.Headers.Authorization) is not null;
        Response.Headers.WWWAuthenticate = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        var detail = presented
            ? "This API key is not known. Check that it was copied whole, or ask the operators for a new one ('Worker api-key NAME')."
            : "Send your API key as 'Authorization: Bearer KEY'.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "API key missing or unknown").ExecuteAsync(Context);
    }
}
