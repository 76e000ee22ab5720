using Microsoft.Playwright;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>
/// Debian's Chromium at 390×844 (a phone): the letter's pages show as images on the approval page itself, the decision bar stays
/// at the bottom of the screen while reading, and approving or rejecting from the bar works.
/// </summary>
public sealed class ApprovalPageBrowserTests(ApprovalHost host) : IClassFixture<ApprovalHost>
{
    private const int Width = 390;
    private const int Height = 844;

    [Fact]
    public async Task Phone_ShowsThePagesInPlaceAndApprovesFromTheBar()
    {
        var (id, title, token) = await host.SubmitAndReadLinkAsync();
        await using var phone = await PhoneAsync();
        var page = phone.Page;
        var link = $"{host.Config.BaseUrl}/approve/{token}";
        Assert.Equal(200, (await page.GotoAsync(link))!.Status);
        Assert.Equal(title, await page.InnerTextAsync("h1"));

        // The first page is drawn on the screen the official lands on, without leaving the page or opening the PDF.
        await LoadedAsync(page, 0);
        var first = (await page.Locator("img.page").First.BoundingBoxAsync())!;
        Assert.True(first.Y < Height && first.Width >= Width - 40, $"first page image at y={first.Y}, width {first.Width}");
        Assert.Equal(link, page.Url);
        await BarAtTheBottomAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "approval-pages-phone.png") });

        // Reading on: later pages load as they come near, and the bar stays where the thumb is.
        await page.Locator("img.page").Nth(3).ScrollIntoViewIfNeededAsync();
        await LoadedAsync(page, 3);
        await BarAtTheBottomAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "approval-pages-phone-scrolled.png") });

        await page.GetByLabel("Saya telah membaca dokumen ini").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).TapAsync();
        await page.GetByText("Persetujuan Anda telah dicatat").WaitForAsync();
        Assert.Contains(await host.StateAsync(id), new[] { "Approved", "Filed" });
        Assert.Empty(phone.CspViolations);
    }

    [Fact]
    public async Task Phone_RejectsWithAReasonFromTheBar()
    {
        var (id, _, token) = await host.SubmitAndReadLinkAsync();
        await using var phone = await PhoneAsync();
        var page = phone.Page;
        await page.GotoAsync($"{host.Config.BaseUrl}/approve/{token}");
        await LoadedAsync(page, 0);

        await page.GetByLabel("Alasan penolakan (wajib jika menolak)").FillAsync("Nomor surat belum benar");
        await BarAtTheBottomAsync(page);
        await page.GetByLabel("Saya telah membaca dokumen ini").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tolak" }).TapAsync();
        await page.GetByText("Penolakan Anda telah dicatat").WaitForAsync();
        await Eventually.Async(() => host.StateAsync(id), s => s == "Declined", TimeSpan.FromSeconds(90), "the document declined");
        Assert.Equal("Nomor surat belum benar", await host.Database.ScalarAsync<string>($"SELECT reason FROM worker.approval_steps WHERE document_id = '{id}'"));
        Assert.Empty(phone.CspViolations);
    }

    // The bar's bottom edge is the screen's, and its buttons are on the screen.
    private static async Task BarAtTheBottomAsync(IPage page)
    {
        var bar = (await page.Locator(".bar").BoundingBoxAsync())!;
        Assert.InRange(bar.Y + bar.Height, Height - 1, Height + 1);
        Assert.True(bar.Height < Height / 4, $"the bar is {bar.Height} px high");
        var reject = (await page.GetByRole(AriaRole.Button, new() { Name = "Tolak" }).BoundingBoxAsync())!;
        Assert.True(reject.Y >= bar.Y && reject.Y + reject.Height <= Height, $"the buttons are off screen at y={reject.Y}");
    }

    private static Task LoadedAsync(IPage page, int index) =>
        page.WaitForFunctionAsync("i => { const img = document.querySelectorAll('img.page')[i]; return img && img.complete && img.naturalWidth > 0; }",
            index, new PageWaitForFunctionOptions { Timeout = 90_000 });

    private async Task<Phone> PhoneAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await TestBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Width, Height = Height }, IsMobile = true, HasTouch = true, Locale = "id-ID",
        });
        var page = await context.NewPageAsync();
        var phone = new Phone(playwright, browser, page);
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) phone.CspViolations.Add(m.Text); };
        return phone;
    }

    private sealed class Phone(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;
        public List<string> CspViolations { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
