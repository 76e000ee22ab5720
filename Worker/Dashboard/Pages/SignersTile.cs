using Hangfire.Dashboard;
using Worker.Signing.Watch;

namespace Worker.Dashboard.Pages;

/// <summary>The home page's signers tile: which signers failed their last check (each line is the tile's tooltip).</summary>
public static class SignersTile
{
    public static readonly DashboardMetric Metric = new("worker:signers", "Signers (penanda tangan)", page =>
    {
        var latest = page.Context.GetHttpContext().RequestServices.GetRequiredService<SignerWatch>().Latest;
        var bad = latest.Where(s => !s.Ready).Select(s => s.Name).ToList();
        var text = latest.Count == 0 ? "belum diperiksa / not checked yet"
            : bad.Count == 0 ? $"{latest.Count} siap / ready"
            : $"tidak dapat menandatangani / cannot sign: {string.Join(", ", bad)}";
        return new Metric(text)
        {
            Style = bad.Count > 0 ? MetricStyle.Danger : latest.Count == 0 ? MetricStyle.Default : MetricStyle.Success,
            Highlighted = bad.Count > 0,
            Title = string.Join("\n", latest.Select(s => s.Line)),
        };
    });
}
