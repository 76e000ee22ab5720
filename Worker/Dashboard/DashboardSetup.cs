using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Worker.Configuration;
using Worker.Dashboard.Login;
using Worker.Dashboard.Pages;

namespace Worker.Dashboard;

public static class DashboardSetup
{
    public const string Path = "/hangfire";

    /// <summary>Dashboard logins: a cookie from the login form, or HTTP Basic for scripts.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder, WorkerOptions options)
    {
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DashboardUsers>(sp, options.PublicBaseUrl));
        // Antiforgery options (cookie, field name) are shared with the approval pages and set there.
        builder.Services.AddAntiforgery();
        builder.Services
            .AddAuthentication(DashboardRoles.Scheme)
            .AddPolicyScheme(DashboardRoles.Scheme, "cookie or Basic", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                    ? BasicAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "tte-dashboard";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Behind a TLS-terminating proxy the request may look like http, so the public address decides.
                o.Cookie.SecurePolicy = options.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.Web.SessionLifetime < TimeSpan.FromHours(8) ? options.Web.SessionLifetime : TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // Every request: still configured, same role, same password, and within the absolute lifetime.
                o.Events.OnValidatePrincipal = DashboardSession.ValidateAsync;
                o.LoginPath = "/login";
                // The dashboard answers 401/403 itself; only browsers asking for a page are sent to the form (below).
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; };
            });
        return builder;
    }

    /// <summary>
    /// The gate in front of the Hangfire dashboard: a browser that is not signed in is sent to the login form, and a viewer
    /// may not post commands. Needs authentication before it.
    /// </summary>
    public static WebApplication UseDashboardGate(this WebApplication app)
    {
        var users = app.Services.GetRequiredService<DashboardUsers>();
        app.Use(async (http, next) =>
        {
            if (SendToLoginForm(http, users))
            {
                http.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(http.Request.PathBase + http.Request.Path));
                return;
            }
            if (IsViewerAction(http, users))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next();
        });
        return app;
    }

    /// <summary>The Hangfire dashboard at /hangfire behind the logins: Hangfire answers it as middleware, not as endpoints.</summary>
    public static WebApplication UseWorkerDashboard(this WebApplication app)
    {
        var authorization = new DashboardAuthorization(app.Services.GetRequiredService<DashboardUsers>());
        DashboardPages.Register();
        app.UseHangfireDashboard(Path, new Hangfire.DashboardOptions
        {
            DashboardTitle = "TTE Sulbar · signing worker",
            Authorization = [authorization],
            IsReadOnlyFunc = authorization.IsReadOnly,
            AppPath = null,
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    /// <summary>The login form's endpoints (/login, /logout).</summary>
    public static WebApplication MapWorkerDashboard(this WebApplication app) => app.MapLoginEndpoints();

    /// <summary>A signed-in viewer posting a command; only the live statistics poll is a harmless POST.</summary>
    private static bool IsViewerAction(HttpContext http, DashboardUsers users) =>
        !users.LoopbackOnly
        && HttpMethods.IsPost(http.Request.Method)
        && http.Request.Path.StartsWithSegments(Path, out var rest)
        && rest != "/stats"
        && http.User.Identity?.IsAuthenticated == true
        && !http.User.IsInRole(DashboardRoles.Operator);

    private static bool SendToLoginForm(HttpContext http, DashboardUsers users) =>
        !users.LoopbackOnly
        && HttpMethods.IsGet(http.Request.Method)
        && http.Request.Path.StartsWithSegments(Path)
        && http.User.Identity?.IsAuthenticated != true
        && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);
}
