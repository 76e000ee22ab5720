using Microsoft.Playwright;
using Worker.Tests.Operators;
using Worker.Tests.Support;

namespace Worker.Tests.Dashboard;

/// <summary>Debian's headless Chromium signs in through /login, looks at Documents and Needs attention, and uses the action forms.</summary>
public sealed class DashboardBrowserTests(OperatorsHost host) : IClassFixture<OperatorsHost>
{

    [Fact]
    public async Task Operator_SignsIn_SeesDocumentsAndNeedsAttention_AndRetriesAndCancelsFromThePages()
    {
        var (failed, failedTitle) = await host.InsertFailedAsync();
        var (waiting, waitingTitle, _) = await host.SubmitAndReadLinkAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "id-ID",
        });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.AcceptAsync();
        };

        // Not signed in: the dashboard sends the browser to the login form and back.
        await page.GotoAsync($"{host.Config.BaseUrl}/hangfire/documents");
        Assert.Contains("/login", page.Url);
        await page.GetByLabel("Nama / Name").FillAsync("operator");
        await page.GetByLabel("Kata sandi / Password").FillAsync(OperatorsHost.OperatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk / Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/hangfire/documents");
        await page.GetByRole(AriaRole.Link, new() { Name = failedTitle }).WaitForAsync();
        Assert.Contains(waitingTitle, await page.ContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "dashboard-documents.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Needs attention" }).ClickAsync();
        await page.WaitForURLAsync("**/hangfire/needs-attention");
        var row = page.Locator("tr", new() { HasText = failedTitle });
        await row.GetByRole(AriaRole.Button, new() { Name = "Retry" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "dashboard-needs-attention.png"), FullPage = true });

        // The form posts with the page's antiforgery header; the retried document is signed and filed.
        await row.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Eventually.Async(() => host.ActorsAsync(failed, "retry-requested"), a => a.Count == 1, what: "the retry recorded");
        Assert.Equal(["operator"], await host.ActorsAsync(failed, "retry-requested"));
        await Eventually.Async(() => host.StateAsync(failed), s => s == "Filed", TimeSpan.FromSeconds(60), "the retried document filed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Awaiting approval" }).ClickAsync();
        await page.WaitForURLAsync("**/hangfire/awaiting-approval");
        var waitingRow = page.Locator("tr", new() { HasText = waitingTitle });
        await waitingRow.GetByLabel("Reason for cancelling").FillAsync("nomor surat salah");
        await waitingRow.GetByRole(AriaRole.Button, new() { Name = "Cancel document" }).ClickAsync();
        await Eventually.Async(() => host.StateAsync(waiting), s => s == "Declined", what: "the cancelled document declined");
        Assert.Equal(["operator"], await host.ActorsAsync(waiting, "cancelled"));
        Assert.Equal("dibatalkan oleh operator / cancelled by operator: nomor surat salah",
            await host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{waiting}'"));
        Assert.Equal(2, dialogs.Count);
    }
}
