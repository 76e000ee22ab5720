using Microsoft.Extensions.Options;
using Worker.Configuration;
using Hangfire;
using Hangfire.Dashboard;
using Worker.Persistence;

namespace Worker.Dashboard.Pages;

/// <summary>Adds our pages to Hangfire's navigation and our tiles to its home page.</summary>
public static class DashboardPages
{
    private static int registered;

    /// <summary>Hangfire keeps routes and menus in static lists, so this runs once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        DashboardRoutes.Routes.AddRazorPage("/documents", _ => new DocumentsPage());
        DashboardRoutes.Routes.AddRazorPage("/documents/(?<id>[0-9a-fA-F-]{36})", m => new DocumentPage(Guid.Parse(m.Groups["id"].Value)));
        DashboardRoutes.Routes.AddRazorPage("/awaiting-approval", _ => new AwaitingApprovalPage());
        DashboardRoutes.Routes.AddRazorPage("/needs-attention", _ => new NeedsAttentionPage());
        DashboardRoutes.Routes.AddRazorPage("/delegations", _ => new DelegationsPage());
        foreach (var command in Enum.GetValues<OperatorCommand>())
            DashboardRoutes.Routes.Add(OperatorCommandDispatcher.Pattern(command), new OperatorCommandDispatcher(command));
        DashboardRoutes.Routes.Add(RefusedFileDispatcher.Pattern, new RefusedFileDispatcher());
        DashboardRoutes.Routes.Add(DelegationDispatcher.Pattern, new DelegationDispatcher());
        DashboardRoutes.Routes.AddRazorPage("/new-document", _ => new NewDocumentPage());
        DashboardRoutes.Routes.Add(NewDocumentDispatcher.Pattern, new NewDocumentDispatcher());
        NavigationMenu.Items.Add(page => new MenuItem("Documents", page.Url.To("/documents")) { Active = page.RequestPath.StartsWith("/documents") });
        NavigationMenu.Items.Add(page => new MenuItem("Awaiting approval", page.Url.To("/awaiting-approval")) { Active = page.RequestPath.StartsWith("/awaiting-approval") });
        NavigationMenu.Items.Add(page => new MenuItem("New document", page.Url.To("/new-document")) { Active = page.RequestPath.StartsWith("/new-document") });
        DashboardMetrics.AddMetric(AttentionBadge);
        NavigationMenu.Items.Add(page => new MenuItem("Needs attention", page.Url.To("/needs-attention"))
        {
            Active = page.RequestPath.StartsWith("/needs-attention"), Metric = AttentionBadge,
        });
        NavigationMenu.Items.Add(page => new MenuItem("Delegations", page.Url.To("/delegations")) { Active = page.RequestPath.StartsWith("/delegations") });

        GlobalConfiguration.Configuration.UseDashboardMetric(Tile("worker:awaiting", "Awaiting approval", (q, _) => Count(q, nameof(DocumentState.AwaitingApproval)), "info"));
        GlobalConfiguration.Configuration.UseDashboardMetric(Tile("worker:filed-today", "Filed today", (q, today) => q.CountFiledSinceAsync(today, default).GetAwaiter().GetResult(), "success"));
        GlobalConfiguration.Configuration.UseDashboardMetric(Tile("worker:failed", "Failed documents", (q, _) => Count(q, nameof(DocumentState.Failed)), "danger"));
        GlobalConfiguration.Configuration.UseDashboardMetric(SignersTile.Metric);
    }

    /// <summary>The menu's red count of what Needs attention lists; grey at zero, so it clears when everything has recovered.</summary>
    public static readonly DashboardMetric AttentionBadge = new("worker:needs-attention", "Needs attention", page =>
    {
        var count = AttentionList.Read(page.Context.GetHttpContext().RequestServices, page.Storage).Count;
        return new Metric(count) { Style = count == 0 ? MetricStyle.Default : MetricStyle.Danger, Highlighted = count > 0 };
    });

    private static long Count(DocumentQueries q, string state) =>
        q.CountByStateAsync(null, default).GetAwaiter().GetResult().GetValueOrDefault(state);

    /// <summary>Midnight of today in the configured office zone.</summary>
    private static DateTimeOffset StartOfDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return new DateTimeOffset(local.Date, local.Offset);
    }

    /// <summary>A home-page tile; <paramref name="value"/> gets the queries and the start of today (office time).</summary>
    private static DashboardMetric Tile(string name, string title, Func<DocumentQueries, DateTimeOffset, long> value, string style) =>
        new(name, title, page =>
        {
            var services = page.Context.GetHttpContext().RequestServices;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var zone = services.GetRequiredService<IOptions<OfficeHoursOptions>>().Value.Zone();
            var count = value(services.GetRequiredService<DocumentQueries>(), StartOfDay(now, zone));
            return new Metric(count) { Style = count == 0 ? MetricStyle.Default : Enum.Parse<MetricStyle>(style, ignoreCase: true) };
        });
}
