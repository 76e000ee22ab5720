using System.Net;
using System.Text.RegularExpressions;

namespace Worker.Tests.Support;

/// <summary>Signs in through the dashboard's login form, as a browser does.</summary>
public static partial class DashboardLogin
{
    /// <summary>GET /login for its antiforgery field, then POST the form; the response is the redirect (or the refusal).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string name, string password, string returnUrl = "/hangfire")
    {
        var form = await client.GetStringAsync("/login");
        var token = AntiforgeryField().Match(form);
        if (!token.Success) throw new InvalidOperationException("the login form has no antiforgery field: " + form);
        return await client.PostAsync("/login", new FormUrlEncodedContent([
            new(token.Groups["name"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value)),
            new("returnUrl", returnUrl), new("name", name), new("password", password),
        ]));
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Browser(string baseUrl, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) };

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex AntiforgeryField();
}
