using Microsoft.Playwright;
using Worker.Tests.Operators;
using Worker.Tests.Support;

namespace Worker.Tests.Dashboard;

/// <summary>
/// Needs attention and a document page in Debian's Chromium at a laptop's and a phone's width: every action button lies within
/// the screen without scrolling sideways, and works there. Screenshots are kept in artifacts/ for a person to look at.
/// </summary>
public sealed class DashboardWidthBrowserTests(OperatorsHost host) : IClassFixture<OperatorsHost>
{
    [Theory]
    [InlineData(1366, 768, "1366x768")]
    [InlineData(390, 844, "390x844")]
    public async Task NeedsAttentionAndDocumentPage_KeepEveryActionOnScreen_AtThisWidth(int width, int height, string size)
    {
        var (failed, title) = await host.InsertFailedAsync();
        var refused = $"lebar-{size}-{Guid.NewGuid().ToString()[..8]}.docx";
        var failedFolder = host.Worker.Options.Routes[0].Failed;
        await File.WriteAllTextAsync(Path.Combine(failedFolder, refused), "bukan pdf");
        await File.WriteAllTextAsync(Path.Combine(failedFolder, refused + ".error.txt"), "Berkas   : x\n\nAlasan: bukan PDF\n\nReason: not a PDF\n");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "id-ID", IsMobile = width < 768, HasTouch = width < 768,
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync($"{host.Config.BaseUrl}/hangfire/needs-attention");
        await page.GetByLabel("Nama / Name").FillAsync("operator");
        await page.GetByLabel("Kata sandi / Password").FillAsync(OperatorsHost.OperatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk / Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/hangfire/needs-attention");

        var documentRow = page.Locator("tr", new() { HasText = title });
        var fileRow = page.Locator("tr", new() { HasText = refused });
        await documentRow.GetByRole(AriaRole.Button, new() { Name = "Retry" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Artifacts, $"dashboard-needs-attention-{size}.png"), FullPage = true });
        await AssertOnScreenAsync(documentRow.GetByRole(AriaRole.Button, new() { Name = "Retry" }), width, "Retry");
        await AssertOnScreenAsync(documentRow.GetByRole(AriaRole.Button, new() { Name = "Cancel document" }), width, "Cancel document");
        await AssertOnScreenAsync(fileRow.GetByRole(AriaRole.Button, new() { Name = "Kirim ulang" }), width, "Kirim ulang");
        await AssertOnScreenAsync(fileRow.GetByRole(AriaRole.Button, new() { Name = "Selesai" }), width, "Selesai");

        await documentRow.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.WaitForURLAsync($"**/hangfire/documents/{failed}");
        var retry = page.GetByRole(AriaRole.Button, new() { Name = "Retry" });
        await retry.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Artifacts, $"dashboard-document-{size}.png"), FullPage = true });
        await AssertOnScreenAsync(retry, width, "Retry on the document page");

        // Reachable means usable: a tap on it retries the document.
        if (width < 768) await retry.TapAsync();
        else await retry.ClickAsync();
        await Eventually.Async(() => host.ActorsAsync(failed, "retry-requested"), a => a.Count == 1, TimeSpan.FromSeconds(60), "the retry recorded");
    }

    // Inside the screen's width as laid out, with no sideways scroll of the page or of a table.
    private static async Task AssertOnScreenAsync(ILocator button, int width, string what)
    {
        await button.ScrollIntoViewIfNeededAsync();
        var box = await button.BoundingBoxAsync() ?? throw new InvalidOperationException($"{what} is not displayed");
        var scrolledSideways = await button.EvaluateAsync<bool>(
            "b => { for (let e = b; e; e = e.parentElement) if (e.scrollLeft > 0) return true; return window.scrollX > 0; }");
        Assert.False(scrolledSideways, $"{what} could only be reached by scrolling sideways");
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{what} is at x {box.X}..{box.X + box.Width}, outside the {width} px screen");
    }
}

