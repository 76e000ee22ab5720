using System.Net;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing;

namespace Worker.Tests.Verification;

/// <summary>POST /verify says plainly when a signature does not cover the whole uploaded file.</summary>
public sealed class VerifyUploadRevisionTests(SigningHost host) : IClassFixture<SigningHost>
{
    private async Task<string> UploadAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", "cek.pdf" } };
        var response = await http.PostAsync("/verify", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_SaysTheSignatureDoesNotCoverTheWholeFile_WhenARevisionWasAppendedAfterSigning()
    {
        using var temp = new TempDirectory();
        var (signed, changed) = await BrokenPdfs.SignedThenRetitledAsync(temp, "google-doc-document.pdf");

        var whole = await UploadAsync(signed);
        var partial = await UploadAsync(changed);

        Assert.DoesNotContain("tidak mencakup seluruh berkas", whole);
        Assert.Contains("Tanda tangan ini tidak mencakup seluruh berkas", partial);
        Assert.Contains("This signature does not cover the whole file", partial);
        Assert.Contains($"{new FileInfo(signed).Length:N0}", partial);
        Assert.DoesNotContain("sah / valid", partial);
    }
}
