using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Worker.Pdf.Checking;
using Worker.Tests.Api;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Hostile;

/// <summary>
/// The file that once killed the daemon (a page tree 250,000 levels deep in an object stream) dropped in an inbox,
/// POSTed to /verify and to /api/documents of one running worker: each ends refused, and the worker keeps serving.
/// </summary>
public sealed class HostileUploadTests(HostileUploadHost host) : IClassFixture<HostileUploadHost>
{
    private const string Shape = "deep-page-tree-250k";

    [Fact]
    public async Task Drop_FilesTheFileAsInvalidWithAReason_WhenItsPageTreeIsHostile()
    {
        host.Drop("dalam.pdf", HostilePdfs.Get(Shape));

        var row = Assert.Single(await host.WaitForAsync("dalam.pdf"));

        Assert.Equal("Invalid", row.State);
        var (path, error) = host.FailedFile("dalam.pdf");
        Assert.Equal(HostilePdfs.Get(Shape), await File.ReadAllBytesAsync(path));
        Assert.Contains("PDF ini rusak", error);
        // The parser's words are for operators (log, dashboard, API), not for the clerk's reason file.
        Assert.DoesNotContain("deeper than 64 levels", error);
        Assert.Contains("deeper than 64 levels", await host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{row.Id}'"));
        Assert.True(error.IndexOf("rusak", StringComparison.Ordinal) < error.IndexOf("damaged", StringComparison.Ordinal), error);
        await host.AssertReadyAsync();
    }

    [Fact]
    public async Task PostVerify_RefusesTheFile_WhenItsPageTreeIsHostile()
    {
        using var response = await PostVerifyAsync(HostilePdfs.Get(Shape));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tidak dapat dibaca", await response.Content.ReadAsStringAsync());
        await host.AssertReadyAsync();
    }

    [Fact]
    public async Task Submit_RecordsTheFileAsInvalid_WhenItsPageTreeIsHostile()
    {
        using var api = new ApiCaller(host.Config.BaseUrl, host.ApiKey);

        var (status, body, _) = await api.SubmitAsync(HostilePdfs.Get(Shape), "surat-keluar", fileName: "dalam-api.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("deeper than 64 levels", body.GetProperty("detail").GetString());
        Assert.Contains("rusak", body.GetProperty("detailId").GetString());
        var id = body.GetProperty("documentId").GetGuid();
        Assert.Equal("Invalid", await api.StateAsync(id));
        Assert.Contains(Directory.GetFiles(host.Failed, "dalam-api*.pdf"), f => File.ReadAllBytes(f).SequenceEqual(HostilePdfs.Get(Shape)) && File.Exists(f + ".error.txt"));
        await host.AssertReadyAsync();
    }

    [Fact]
    public async Task PostVerify_Answers503WithRetryAfter_WhenEveryParseSlotIsTaken()
    {
        var slots = host.Worker.App.Services.GetRequiredService<ParseSlots>();
        var taken = await TakeAllAsync(slots);

        using (var busy = await PostVerifyAsync(TestPdfs.Corpus("minimal-document.pdf")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(ParseSlots.RetryAfterSeconds), busy.Headers.RetryAfter?.Delta);
            var page = await busy.Content.ReadAsStringAsync();
            Assert.True(page.IndexOf("Layanan sedang", StringComparison.Ordinal) is >= 0 and var id && id < page.IndexOf("The service", StringComparison.Ordinal), page);
        }
        taken.ForEach(s => s.Dispose());
        using var served = await PostVerifyAsync(TestPdfs.Corpus("minimal-document.pdf"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Submit_Answers503WithRetryAfter_WhenEveryParseSlotIsTaken()
    {
        var slots = host.Worker.App.Services.GetRequiredService<ParseSlots>();
        var taken = await TakeAllAsync(slots);
        using var api = new ApiCaller(host.Config.BaseUrl, host.ApiKey);

        var (status, body, response) = await api.SubmitAsync(TestPdfs.Unique(), "surat-keluar");

        taken.ForEach(s => s.Dispose());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(TimeSpan.FromSeconds(ParseSlots.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.StartsWith("Layanan sedang", body.GetProperty("detail").GetString());
        Assert.Equal(2, slots.Capacity);
    }

    private static async Task<List<ParseSlot>> TakeAllAsync(ParseSlots slots)
    {
        var taken = new List<ParseSlot>();
        for (var i = 0; i < slots.Capacity; i++) taken.Add(Assert.IsType<ParseSlot>(await slots.TryEnterAsync(CancellationToken.None)));
        Assert.Null(await slots.TryEnterAsync(CancellationToken.None));
        return taken;
    }

    private async Task<HttpResponseMessage> PostVerifyAsync(byte[] pdf)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "upload.pdf");
        return await host.Worker.Http.PostAsync("/verify", form);
    }
}
