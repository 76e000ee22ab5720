using Microsoft.Playwright;

namespace Worker.Tests.Support;

/// <summary>Debian's headless Chromium under Playwright (Playwright's own browser download does not work here).</summary>
public static class TestBrowser
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Fails (never skips) when chromium is missing; the flags keep it off the closed network.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (scripts/test.sh does)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
