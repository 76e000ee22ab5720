using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Worker.Dashboard.Login;

/// <summary>The dashboard's login form: GET /login, POST /login, POST /logout.</summary>
public static class LoginEndpoints
{
    public static WebApplication MapLoginEndpoints(this WebApplication app)
    {
        app.MapGet("/login", ShowAsync);
        app.MapPost("/login", SignInAsync).DisableAntiforgery();
        app.MapPost("/logout", (Delegate)SignOutAsync).DisableAntiforgery();
        return app;
    }

    private static ContentHttpResult ShowAsync(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        Page(http, antiforgery, returnUrl, error: null, HttpStatusCode.OK);

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, DashboardUsers users)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest("The form expired; reload the login page.");
        var form = await http.Request.ReadFormAsync();
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        if (users.IsLockedOut(http.Connection.RemoteIpAddress, form["name"].ToString()))
            return Page(http, antiforgery, returnUrl, "Terlalu banyak percobaan. Coba lagi nanti. / Too many attempts; try again later.", HttpStatusCode.TooManyRequests);
        var principal = users.SignIn(form["name"].ToString(), form["password"].ToString(), http.Connection.RemoteIpAddress,
            CookieAuthenticationDefaults.AuthenticationScheme);
        if (principal is null)
            return Page(http, antiforgery, returnUrl, "Nama atau kata sandi salah. / Wrong name or password.", HttpStatusCode.Unauthorized);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/login");
    }

    /// <summary>
    /// Only paths of this site, so the login cannot send people elsewhere: browsers drop tabs and newlines and read a backslash
    /// as a slash, so <c>/%09/evil</c> and <c>/\evil</c> would become <c>//evil</c>; checked as sent and once decoded.
    /// </summary>
    public static string SafeReturnUrl(string? url) =>
        url is not null && IsLocalPath(url) && IsLocalPath(Uri.UnescapeDataString(url)) ? url : "/hangfire";

    private static bool IsLocalPath(string url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format);

    private static ContentHttpResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, HttpStatusCode status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var enc = System.Text.Encodings.Web.HtmlEncoder.Default;
        var message = error is null ? "" : $"<p class=\"error\">{enc.Encode(error)}</p>";
        var html = $$"""
            <!doctype html>
            <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Masuk · TTE Sulbar</title>
            <style>
            body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
            form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;width:min(22rem,90vw)}
            h1{font-size:1.2rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .3rem}
            input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem}
            button{margin-top:1.2rem;width:100%;padding:.7rem;font-size:1rem;background:#1a5fb4;color:#fff;border:0;border-radius:4px}
            .error{color:#a51d2d}
            </style></head><body>
            <form method="post" action="/login">
            <h1>Dasbor operator TTE Sulbar</h1>{{message}}
            <input type="hidden" name="{{tokens.FormFieldName}}" value="{{enc.Encode(tokens.RequestToken ?? "")}}">
            <input type="hidden" name="returnUrl" value="{{enc.Encode(SafeReturnUrl(returnUrl))}}">
            <label for="name">Nama / Name</label><input id="name" name="name" autocomplete="username" required autofocus>
            <label for="password">Kata sandi / Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Masuk / Sign in</button>
            </form></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: (int)status);
    }
}
