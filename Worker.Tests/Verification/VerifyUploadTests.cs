using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Playwright;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing;
using Worker.Tests.Support;

namespace Worker.Tests.Verification;

/// <summary>
/// POST /verify and /verify/{id} against forgeries, on a worker whose trust anchors default to its signers' root (the
/// demo CA): a self-made "Demo Signer", a copy of the genuine signer's name, a forged letter sent from a genuine page.
/// </summary>
public sealed class VerifyUploadTests(SigningHost host) : IClassFixture<SigningHost>
{
    [Fact]
    public async Task PostVerify_NeverSaysSah_WhenASelfSignedCertificateCallsItselfDemoSigner()
    {
        using var temp = new TempDirectory();
        var lookAlike = LookAlikeSigner.Create(temp.Path, new X500DistinguishedName("CN=Demo Signer, O=Pemprov Sulbar Test"));
        await LookAlikeSigner.SignAsync(lookAlike, "minimal-document.pdf", temp.File("forged.pdf"));

        var page = await UploadAsync(await File.ReadAllBytesAsync(temp.File("forged.pdf")));

        Assert.Contains("Demo Signer", page);
        Assert.Contains(VerdictWords.IntactUntrusted, page);
        Assert.DoesNotContain(VerdictWords.Valid, page);
        Assert.DoesNotContain("class=\"ok\"", page);
    }

    [Fact]
    public async Task PostVerify_NeverSaysSah_WhenTheLookAlikeCopiesTheGenuineSignersWholeName()
    {
        using var temp = new TempDirectory();
        var lookAlike = LookAlikeSigner.Create(temp.Path, LookAlikeSigner.SubjectOf(DemoPki.Instance.Rsa));
        await LookAlikeSigner.SignAsync(lookAlike, "habibi.pdf", temp.File("forged.pdf"));

        var page = await UploadAsync(await File.ReadAllBytesAsync(temp.File("forged.pdf")));

        Assert.Contains("Test Signer RSA", page);
        Assert.Contains(VerdictWords.IntactUntrusted, page);
        Assert.DoesNotContain(VerdictWords.Valid, page);
    }

    [Fact]
    public async Task PostVerify_DoesNotShowTheGenuineTitle_WhenAForgedLetterIsSentFromTheGenuinePage()
    {
        var (id, title, signedPath) = await FileAsync();
        using var temp = new TempDirectory();
        // The forger keeps the genuine signature and QR code and changes the page afterwards.
        Revisions.Append(signedPath, temp.File("forged.pdf"), (pdf, update) =>
            update.Set(pdf.Pages[0].Reference, pdf.Pages[0].Dictionary.With(NameToken.Rotate, new NumericToken(90))));

        var qrPage = await new HttpClient().GetStringAsync($"{host.Config.BaseUrl}/verify/{id}");
        Assert.Contains(WebUtility.HtmlEncode(title), qrPage);
        Assert.Contains("Jika isi surat Anda berbeda dari dokumen arsip ini, surat itu tidak sah.", qrPage);
        Assert.DoesNotContain("✔", qrPage);
        Assert.Contains($"name=\"id\" value=\"{id}\"", qrPage);

        var forged = await UploadAsync(await File.ReadAllBytesAsync(temp.File("forged.pdf")), id);
        Assert.DoesNotContain(WebUtility.HtmlEncode(title), forged);
        Assert.DoesNotContain("Byte-identical", forged);
        Assert.Contains("it is not the filed letter", forged);
        Assert.DoesNotContain(VerdictWords.Valid, forged);
        Assert.Contains(VerdictWords.Invalid, forged);

        var genuine = await UploadAsync(await File.ReadAllBytesAsync(signedPath), id);
        Assert.Contains("Byte-identical", genuine);
        Assert.Contains(WebUtility.HtmlEncode(title), genuine);
        Assert.Contains(VerdictWords.Valid, genuine);
    }

    [Fact]
    public async Task Phone_NeverShowsSah_WhenALookAlikeOrATamperedFileIsUploaded()
    {
        var (id, _, signedPath) = await FileAsync();
        using var temp = new TempDirectory();
        var lookAlike = LookAlikeSigner.Create(temp.Path, new X500DistinguishedName("CN=Demo Signer, O=Pemprov Sulbar Test"));
        await LookAlikeSigner.SignAsync(lookAlike, "minimal-document.pdf", temp.File("look-alike.pdf"));
        File.Copy(signedPath, temp.File("tampered.pdf"));
        TestSigning.FlipByteInFirstRange(temp.File("tampered.pdf"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "id-ID",
        });
        var page = await context.NewPageAsync();
        foreach (var (file, expected) in new[] { ("look-alike.pdf", VerdictWords.IntactUntrusted), ("tampered.pdf", VerdictWords.Invalid) })
        {
            Assert.Equal(200, (await page.GotoAsync($"{host.Config.BaseUrl}/verify/{id}"))!.Status);
            await page.Locator("input[type=file]").SetInputFilesAsync(temp.File(file));
            await page.GetByRole(AriaRole.Button, new() { Name = "Periksa / Check" }).TapAsync();
            await page.GetByText("Tanda tangan / Signatures").WaitForAsync();
            var text = await page.Locator("main").InnerTextAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, $"verify-phone-{file}.png"), FullPage = true });

            Assert.Contains(expected, text);
            Assert.DoesNotContain(VerdictWords.Valid, text);
            Assert.DoesNotContain("Byte-identical", text);
            // Readable on the phone: nothing wider than the screen.
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways");
        }
    }

    private async Task<(Guid Id, string Title, string SignedPath)> FileAsync()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed");
        var signedPath = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;
        return (id, title, signedPath);
    }

    private async Task<string> UploadAsync(byte[] bytes, Guid? from = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "surat.pdf" } };
        if (from is { } id) form.Add(new StringContent(id.ToString()), "id");
        var response = await http.PostAsync("/verify", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
