using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MimeKit;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>A phone-sized headless Chromium (Debian's) opens the emailed link, ticks the box and approves.</summary>
public sealed class ApprovalBrowserTests(ApprovalBrowserTests.PickupHost host) : IClassFixture<ApprovalBrowserTests.PickupHost>
{

    /// <summary>Mail goes to the pickup folder as .eml files, as in a local run.</summary>
    public sealed class PickupHost : ApprovalHost
    {
        protected override void Configure(TestConfig config) => config.Worker["Mail"]!["Smtp"] = new JsonObject { ["Host"] = "" };
    }

    [Fact]
    public async Task Phone_ApprovesTheDocument_WhenTheBoxIsTickedAndSetujuiTapped()
    {
        var (id, title) = await host.SubmitAsync();
        var link = await LinkFromPickupAsync(title);
        Assert.StartsWith(host.Config.BaseUrl + "/approve/", link);
        await host.SentRecordedAsync(id, 1);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "id-ID",
        });
        var page = await context.NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) cspViolations.Add(m.Text); };

        var response = await page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        Assert.Contains(title, await page.ContentAsync());
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));
        // The inline style applied (its nonce matched the CSP): the approve button is the green one.
        var background = await page.Locator("button.approve").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor");
        Assert.Equal("rgb(11, 110, 79)", background);
        Assert.Empty(cspViolations);

        await page.GetByLabel("Saya telah membaca dokumen ini").CheckAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "approval-phone-page.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).TapAsync();
        await page.GetByText("Persetujuan Anda telah dicatat").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "approval-phone-approved.png"), FullPage = true });
        // Signing may already have filed it: approval's part is done either way.
        Assert.Contains(await host.StateAsync(id), new[] { "Approved", "Filed" });
    }

    private async Task<string> LinkFromPickupAsync(string title)
    {
        var folder = host.Worker.Options.Mail.PickupDirectory;
        var message = await Eventually.Async(
            async () =>
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var m = await MimeMessage.LoadAsync(file);
                    if ((m.Subject ?? "").Contains(title)) return m;
                }
                return null;
            }, m => m is not null, what: "the .eml in the pickup folder");
        return $"{host.Config.BaseUrl}/approve/{ApprovalClient.TokenFrom(message!)}";
    }
}
