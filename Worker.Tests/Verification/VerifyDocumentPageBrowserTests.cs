using System.Net;
using Microsoft.Playwright;
using Worker.Filing;
using Worker.Tests.Signing;
using Worker.Tests.Support;
using Worker.Verification;

namespace Worker.Tests.Verification;

/// <summary>/verify/{id} on a phone: the first page as signed, and the sentence that tells a citizen what to compare.</summary>
public sealed class VerifyDocumentPageBrowserTests(SigningHost host) : IClassFixture<SigningHost>
{
    [Fact]
    public async Task VerifyPage_ShowsTheFirstPageAndTheComparisonSentence_OnAPhone()
    {
        var (id, title, _) = await host.DropAsync("pdflatex-4-pages.pdf");
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed");
        var image = PageImages.PathFor(host.Worker.Options.DataDirectory, id);
        Assert.True(File.Exists(image), "filing renders the first page");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "id-ID",
        });
        var page = await context.NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) cspViolations.Add(m.Text); };

        var response = await page.GotoAsync($"{host.Config.BaseUrl}/verify/{id}");
        Assert.Equal(200, response!.Status);
        var img = page.Locator("#first-page");
        await img.ScrollIntoViewIfNeededAsync();
        Assert.True(await img.EvaluateAsync<bool>("i => i.complete"), "the image finished loading");
        Assert.True(await img.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the image loaded (naturalWidth > 0)");
        Assert.True(await img.EvaluateAsync<int>("i => i.getBoundingClientRect().width") <= 390, "the image fits the phone's width");
        Assert.True(await page.Locator("#comparison").IsVisibleAsync());
        Assert.Contains(VerifyDocumentPage.Comparison, await page.Locator("#comparison").InnerTextAsync());
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(title, text);
        Assert.Contains("Kepala Dinas", text);
        Assert.Contains("WITA", text);
        Assert.Empty(cspViolations);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "verify-phone-page.png"), FullPage = true });

        using var http = new HttpClient();
        var png = await http.GetAsync($"{host.Config.BaseUrl}/verify/{id}/{VerifyEndpoints.PageImageName}");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{host.Config.BaseUrl}/verify/{Guid.NewGuid()}/{VerifyEndpoints.PageImageName}")).StatusCode);

        // Without an image (rendering failed at filing) the page says so instead of showing a broken picture.
        File.Delete(image);
        await page.ReloadAsync();
        Assert.Contains("Gambar tidak tersedia", await page.Locator("#no-image").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#first-page").CountAsync());
        Assert.Equal(0, await page.Locator("#comparison").CountAsync()); // "differs from this image" with no image would mislead
    }
}
