using Microsoft.Playwright;
using Worker.Pdf.Stamp;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Stamp;

/// <summary>The stamp in Chromium's own PDF viewer (PDFium), on the LibreOffice form whose stamp it used to clip.</summary>
public sealed class StampChromiumTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("libreoffice-form.pdf")]
    [InlineData("habibi-rotated.pdf")]
    public async Task Sign_ShowsAStampWhoseQrDecodes_InChromiumsPdfViewer(string name)
    {
        var input = RepoPaths.CorpusFile(name);
        var output = _temp.File("signed.pdf");
        var layout = StampedSignature.Create(StampVisibilityTests.Content(), StampVisibilityTests.Fixed(), input);
        using (var rsa = DemoPki.Instance.Rsa.Open())
            await TestSigning.SignAsync(input, output, rsa, layout.Visible);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 2000 } });
        // The stamp is on the last page: the viewer's #page= opens there.
        await page.GotoAsync($"{new Uri(output).AbsoluteUri}#page={StampVisibilityTests.LastPage(input).Number}");
        var shot = _temp.File("chromium.png");
        var decoded = "";
        // The viewer paints its pages some time after the load event; a loaded CI machine may take long.
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline && !decoded.Contains(StampVisibilityTests.VerifyUrl);)
        {
            await Task.Delay(2000);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
            decoded = ExternalTool.Run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", shot).Stdout;
        }
        File.Copy(shot, Path.Combine(RepoPaths.Artifacts, $"stamp-chromium-{Path.GetFileNameWithoutExtension(name)}.png"), overwrite: true);

        Assert.Contains(StampVisibilityTests.VerifyUrl, decoded);
    }
}
