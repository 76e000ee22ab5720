using Microsoft.Playwright;
using Worker.Tests.Support;

namespace Worker.Tests.Approval.Queue;

/// <summary>The queue page in Debian's Chromium at 390×844, as an official's phone opens it; screenshots go to artifacts/.</summary>
public sealed class QueuePhone : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly IBrowserContext context;

    private QueuePhone(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.context = context;
        Page = page;
    }

    /// <summary>The open tab.</summary>
    public IPage Page { get; }

    /// <summary>Content-Security-Policy complaints the console printed (a style the nonce did not allow).</summary>
    public List<string> CspViolations { get; } = [];

    public static async Task<QueuePhone> OpenAsync(string url)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await TestBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "id-ID",
        });
        var phone = new QueuePhone(playwright, browser, context, await context.NewPageAsync());
        phone.Page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) phone.CspViolations.Add(m.Text); };
        var response = await phone.Page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        return phone;
    }

    /// <summary>Ticks these documents and the confirmation box, types the passphrase if given, and taps "Setujui yang dipilih".</summary>
    public async Task ApproveAsync(IEnumerable<string> titles, string? passphrase, string screenshot)
    {
        foreach (var title in titles) await Page.GetByLabel($"Pilih: {title}").CheckAsync();
        await Page.GetByLabel("Saya telah membaca dokumen yang saya pilih").CheckAsync();
        if (passphrase is not null) await Page.GetByLabel("Passphrase TTE").FillAsync(passphrase);
        await ShotAsync(screenshot + "-ticked");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Setujui yang dipilih" }).TapAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Hasil keputusan" }).WaitForAsync(new() { Timeout = 120_000 });
        await ShotAsync(screenshot + "-result");
    }

    /// <summary>Goes back to the queue, opens the document's reject form, gives the reason and taps "Tolak".</summary>
    public async Task RejectAsync(string title, string reason, string screenshot)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Kembali ke daftar" }).TapAsync();
        var card = Page.Locator("section.doc", new() { Has = Page.GetByText(title, new() { Exact = true }) });
        await card.GetByText("Tolak dokumen ini").TapAsync();
        await card.GetByLabel("Saya telah membaca dokumen ini").CheckAsync();
        await card.GetByLabel("Alasan penolakan").FillAsync(reason);
        await ShotAsync(screenshot + "-reject");
        await card.GetByRole(AriaRole.Button, new() { Name = "Tolak" }).TapAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Hasil keputusan" }).WaitForAsync(new() { Timeout = 60_000 });
        await ShotAsync(screenshot + "-rejected");
    }

    /// <summary>True once every thumbnail on the page has loaded a real image (the first page drawn on the server).</summary>
    public Task<bool> ThumbnailsLoadedAsync() =>
        // Scrolled past each one first: they load lazily.
        Page.EvaluateAsync<bool>(
            "() => [...document.querySelectorAll('img.thumb')].map(i => (i.scrollIntoView(), i)).every(i => i.complete && i.naturalWidth > 100)");

    /// <summary>Taps "Baca" on a document, waits for its page images, then goes back to the queue; returns how many pages loaded.</summary>
    public async Task<int> ReadAsync(string title, string screenshot)
    {
        var card = Page.Locator("section.doc", new() { Has = Page.GetByText(title, new() { Exact = true }) });
        await card.GetByRole(AriaRole.Link, new() { Name = "Baca" }).TapAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = title }).WaitForAsync();
        var images = Page.Locator("img.page");
        var count = await images.CountAsync();
        for (var i = 0; i < count; i++) await images.Nth(i).ScrollIntoViewIfNeededAsync();
        await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.page')].every(i => i.complete && i.naturalWidth > 100)",
            null, new() { Timeout = 120_000 });
        await ShotAsync(screenshot);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Kembali ke daftar" }).First.TapAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Semua dokumen yang menunggu Anda" }).WaitForAsync();
        return count;
    }

    /// <summary>The result line of a document ("Judul: Disetujui").</summary>
    public Task<string> OutcomeAsync(string title) =>
        Page.Locator("ul.outcomes li", new() { Has = Page.GetByText(title, new() { Exact = true }) }).InnerTextAsync();

    public Task ShotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
