using Microsoft.Playwright;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>A phone-sized headless Chromium (Debian's): the deputy opens the link mailed during the delegation and signs.</summary>
[Collection(DelegationCollection.Name)]
public sealed class DelegationBrowserTests(DelegationHost host)
{
    [Fact]
    public async Task Phone_DeputyOpensTheirLinkAndSigns_DuringTheWindow()
    {
        var (id, title) = await host.SubmitAsync();
        var invite = (await host.Smtp.WaitForAsync(DelegationHost.Deputy, title))[0];
        await host.SentRecordedAsync(id, 2);
        Assert.DoesNotContain(host.Smtp.Matching(ApprovalHost.Approver, title), m => (m.TextBody ?? "").Contains("/approve/"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "id-ID",
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync($"{host.Config.BaseUrl}/approve/{ApprovalClient.TokenFrom(invite)}");
        Assert.Equal(200, response!.Status);
        Assert.Contains(title, await page.ContentAsync());

        await page.GetByLabel("Saya telah membaca dokumen ini").CheckAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "delegation-phone-page.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).TapAsync();
        await page.GetByText("Persetujuan Anda telah dicatat").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "delegation-phone-approved.png"), FullPage = true });

        await Eventually.Async(() => host.StateAsync(id), s => s == "Filed", TimeSpan.FromSeconds(120), "Filed");
        Assert.Equal([DelegationHost.Deputy], await host.ActorsAsync(id, "approved"));
        Assert.Equal("a.n. Kepala Dinas, Sekretaris", await host.Database.ScalarAsync<string>(
            $"SELECT approver_position FROM worker.approval_steps WHERE document_id = '{id}'"));
    }
}
