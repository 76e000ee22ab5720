namespace Worker.Web;

public static class WebSetup
{
    /// <summary>The phone pages: ASP.NET Core's Razor components rendered on the server (no interactivity, no script) and their texts.</summary>
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddLocalization();
        return builder;
    }
}
