using System.Net;
using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>The whole journey on real components: drop, approval email, POST approve, signed PDF in the archive.</summary>
public sealed class SignAndFileTests(SigningHost host) : IClassFixture<SigningHost>
{
    [Fact]
    public async Task Drop_EndsFiledAndVerifiable_WhenTheApproverApproves()
    {
        var (id, title, original) = await host.DropAsync("pdflatex-4-pages.pdf");
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed");

        var signedPath = await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'");
        Assert.NotNull(signedPath);
        var signed = await File.ReadAllBytesAsync(signedPath);
        Assert.True(signed.AsSpan(0, original.Length).SequenceEqual(original), "the signed file must start with the approved bytes");
        Assert.StartsWith(Path.GetDirectoryName(host.Worker.Options.Routes[0].Archive.Split('{')[0])!, signedPath);
        SignedPdf.AssertPdfSigValid(signedPath, 1);
        SignedPdf.AssertQpdfCheck(signedPath);

        // The QR code on the stamp leads to this document's verification page.
        using var work = new TempDirectory();
        var png = Path.Combine(work.Path, "page");
        var render = ExternalTool.Run("pdftoppm", "-png", "-r", "150", "-f", "4", "-l", "4", "-singlefile", signedPath, png);
        Assert.Equal(0, render.ExitCode);
        File.Copy(png + ".png", Path.Combine(RepoPaths.Artifacts, "filed-stamp-page.png"), overwrite: true);
        var qr = ExternalTool.Run("zbarimg", "--raw", "-q", png + ".png");
        var verifyUrl = $"{host.Config.BaseUrl}/verify/{id}";
        Assert.Equal(verifyUrl, qr.Stdout.Trim());

        using var http = new HttpClient();
        var page = await http.GetStringAsync(verifyUrl);
        Assert.Contains(title.Length > 60 ? title[..60] : WebUtility.HtmlEncode(title), page);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(signed)), page);
        Assert.Contains("ditandatangani / signed", page);

        // The submitter (here the route's contact) hears about it, with the signed file attached.
        var notice = await host.Smtp.WaitForAsync("tu@example.go.id", $"Document signed: {title}");
        Assert.Single(notice);
        Assert.Contains(notice[0].Attachments, a => a.ContentType.MimeType == "application/pdf");

        var audit = new StringWriter();
        Assert.Equal(ExitCode.Done, await CommandLine.RunAsync(["audit", "verify", "--config", host.Config.Write()], audit, new StringWriter()));
        Assert.Contains("intact", audit.ToString());
    }

    [Fact]
    public async Task VerifyUpload_SaysIdentical_ForTheArchivedFile_AndNotForATamperedCopy()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed");
        var signedPath = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;

        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        async Task<string> UploadAsync(byte[] bytes)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "cek.pdf" } };
            var response = await http.PostAsync("/verify", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        var bytes = await File.ReadAllBytesAsync(signedPath);
        var same = await UploadAsync(bytes);
        Assert.Contains("Byte-identical", same);
        Assert.Contains("sah / valid", same);

        var ranges = SignedPdf.ByteRanges(bytes);
        bytes[ranges[0][1] / 2] ^= 0x01;
        var tampered = await UploadAsync(bytes);
        Assert.Contains("Not identical", tampered);
        Assert.Contains(Worker.Pdf.Verification.VerdictWords.Invalid, tampered);
    }

    [Fact]
    public async Task Verify_Answers404AndRevealsNothing_ForAnUnknownId()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        var response = await http.GetAsync($"/verify/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not found", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/verify/not-a-guid")).StatusCode);
    }

    [Fact]
    public async Task SignEach_LeavesBothSignaturesValid_WhenTwoApproversSignInTurn()
    {
        var (id, title, original) = await host.DropAsync("libreoffice-form.pdf", "dua-pejabat");
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.ApproveAsync(id, SigningHost.SecondApprover, title, sendsBefore: 1);
        await host.WaitForStateAsync(id, "Filed");
        var signedPath = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;
        var signed = await File.ReadAllBytesAsync(signedPath);
        Assert.True(signed.AsSpan(0, original.Length).SequenceEqual(original));
        SignedPdf.AssertPdfSigValid(signedPath, 2);
        var report = SignedPdf.PdfSig(signedPath);
        // Each approver signed with their own key: pdfsig names the certificates.
        Assert.Contains("Test Signer RSA", report);
        Assert.Contains("Second Signer RSA", report);
    }
}
