using System.Net;
using System.Text.RegularExpressions;
using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing;
using Worker.Tests.Support;

namespace Worker.Tests.Verification;

/// <summary>
/// POST /verify with revision=N: the page's button sends the same file again and gets back exactly the bytes signature N
/// signed, the same bytes <c>verify --extract-revision N OUT</c> writes.
/// </summary>
public sealed class VerifyUploadRevisionDownloadTests(SigningHost host) : IClassFixture<SigningHost>
{
    private async Task<HttpResponseMessage> PostAsync(byte[] file, params (string Name, string Value)[] fields)
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "surat tugas.pdf" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await http.PostAsync("/verify", form);
    }

    // Signed by two approvers in turn, then changed by someone else: neither signature covers the file.
    private static async Task<(string Once, string Twice, string Changed)> TwiceSignedThenChangedAsync(TempDirectory temp)
    {
        using var second = DemoPki.Instance.SecondRsa.Open();
        var once = temp.File("once.pdf");
        var twice = temp.File("twice.pdf");
        var changed = temp.File("changed.pdf");
        await TestSigning.SignCorpusAsync("minimal-document.pdf", once);
        await TestSigning.SignAsync(once, twice, second);
        BrokenPdfs.AppendTitleChange(twice, changed, "Bayar 1 miliar");
        return (once, twice, changed);
    }

    [Fact]
    public async Task Download_ReturnsTheBytesEachSignatureSigned_WhenThePageButtonSendsTheFileAgain()
    {
        using var temp = new TempDirectory();
        var (once, twice, changed) = await TwiceSignedThenChangedAsync(temp);
        var upload = await File.ReadAllBytesAsync(changed);

        var page = await (await PostAsync(upload)).Content.ReadAsStringAsync();
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(upload));
        Assert.Contains($"name=\"sha256\" value=\"{sha256}\"", page);
        Assert.Equal(["1", "2"], Regex.Matches(page, "name=\"revision\" value=\"(\\d+)\"").Select(m => m.Groups[1].Value).Order());

        foreach (var (number, expected) in new[] { (1, once), (2, twice) })
        {
            using var response = await PostAsync(upload, ("revision", $"{number}"), ("sha256", sha256));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"attachment; filename=\"surat_tugas-revisi-{number}.pdf\"", string.Join(",", response.Content.Headers.GetValues("Content-Disposition")));
            var bytes = await response.Content.ReadAsByteArrayAsync();

            var cli = temp.File($"cli-{number}.pdf");
            // The exit code is the revision's verdict (VerifyCommandExtractTests); here only the bytes written matter.
            await CommandLine.RunAsync(["verify", changed, "--trust", DemoPki.Instance.CaPem, "--extract-revision", $"{number}", cli],
                new StringWriter(), new StringWriter());
            Assert.Equal(await File.ReadAllBytesAsync(cli), bytes);
            Assert.Equal(await File.ReadAllBytesAsync(expected), bytes);
            Assert.True(upload.AsSpan(0, bytes.Length).SequenceEqual(bytes), "the revision is a prefix of the upload");
            Assert.True(bytes.Length < upload.Length);
        }
        // The download is a PDF whose newest signature covers all of it.
        var two = temp.File("web-2.pdf");
        await File.WriteAllBytesAsync(two, await (await PostAsync(upload, ("revision", "2"))).Content.ReadAsByteArrayAsync());
        SignedPdf.AssertPdfSigValid(two, 2);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("satu")]
    public async Task Download_AnswersOnePlainLine400_WhenThereIsNoSuchSignature(string number)
    {
        using var temp = new TempDirectory();
        var (_, _, changed) = await TwiceSignedThenChangedAsync(temp);

        using var response = await PostAsync(await File.ReadAllBytesAsync(changed), ("revision", number));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal($"Tidak ada revisi bertanda tangan nomor {number}: berkas ini memiliki 2 tanda tangan. / There is no signed revision {number}: this file has 2 signature(s).\n", body);
    }

    [Fact]
    public async Task Download_Refuses_WhenAnotherFileIsSentThanTheOneThePageChecked()
    {
        using var temp = new TempDirectory();
        var (_, twice, changed) = await TwiceSignedThenChangedAsync(temp);
        var checkedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(changed)));

        using var response = await PostAsync(await File.ReadAllBytesAsync(twice), ("revision", "1"), ("sha256", checkedHash));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This is not the file that was checked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Name_KeepsOnlySafeCharacters_WhenTheBrowserSendsAnOddName()
    {
        Assert.Equal("surat_tugas-revisi-2.pdf", Worker.Verification.SignedRevisionDownload.Name("surat tugas.pdf", 2));
        Assert.Equal("a_b-revisi-1.pdf", Worker.Verification.SignedRevisionDownload.Name("C:\\x\\a\"b.pdf", 1));
        Assert.Equal("a__b-revisi-1.pdf", Worker.Verification.SignedRevisionDownload.Name("a\r\nb.pdf", 1));
        Assert.Equal("berkas-revisi-1.pdf", Worker.Verification.SignedRevisionDownload.Name("\"..\".pdf", 1));
    }
}
