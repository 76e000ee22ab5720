using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Worker.Intake;
using Worker.Pdf.Checking;
using Worker.Tests.Api;
using Worker.Tests.Intake;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Hostile;

/// <summary>
/// Every hostile shape dropped in an inbox, POSTed to /verify and to /api/documents of one running worker (one per class):
/// each ends in one state with a one-line reason in Indonesian and English, and the worker keeps serving.
/// </summary>
public sealed class HostileUploadTests(HostileUploadHost host) : IClassFixture<HostileUploadHost>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(RefusedAtIntake))]
    public async Task Drop_FilesTheFileAsInvalidWithAReason_WhenItIsHostile(string shape)
    {
        var name = shape + ".pdf";
        host.Drop(name, HostilePdfs.Get(shape));

        // WaitForAsync gives up after 30 s: a claim that hangs fails here.
        var row = Assert.Single(await host.WaitForAsync(name));

        Assert.True(row.State == "Invalid", $"{shape}: {row.State}");
        var (path, error) = host.FailedFile(name);
        Assert.Equal(HostilePdfs.Get(shape), await File.ReadAllBytesAsync(path));
        Assert.Contains("PDF ini rusak", error);
        Assert.True(error.IndexOf("rusak", StringComparison.Ordinal) < error.IndexOf("damaged", StringComparison.Ordinal), error);
        // The parser's words are for operators (log, dashboard, API), not for the clerk's reason file.
        var stored = IntakeProblem.FromStored(row.Error ?? "");
        Assert.StartsWith("damaged PDF: ", stored.Detail);
        Assert.DoesNotContain(stored.Detail!, error);
        await host.AssertReadyAsync();
    }

    [Theory]
    [MemberData(nameof(RewrittenAtIntake))]
    public async Task Drop_TakesOnlyQpdfsRewrite_WhenTheHostilePartIsTheCrossReferenceData(string shape)
    {
        var name = shape + ".pdf";
        host.Drop(name, HostilePdfs.Get(shape));

        var row = Assert.Single(await host.WaitForAsync(name));

        await AssertTakenAsRewriteAsync(shape, row.Id, HostilePdfs.Get(shape));
        await host.AssertReadyAsync();
    }

    [Fact]
    public async Task Drop_StoresWhyForOperators_WhenThePageTreeIs250000LevelsDeep()
    {
        host.Drop("dalam.pdf", HostilePdfs.Get("deep-page-tree-250k"));

        var row = Assert.Single(await host.WaitForAsync("dalam.pdf"));

        Assert.Equal("Invalid", row.State);
        Assert.Contains("deeper than 64 levels", await host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{row.Id}'"));
        Assert.DoesNotContain("deeper than 64 levels", host.FailedFile("dalam.pdf").Error);
    }

    [Theory]
    [MemberData(nameof(HostilePdfs.Names), MemberType = typeof(HostilePdfs))]
    public async Task PostVerify_RefusesTheFile_WhenItIsHostile(string shape)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var response = await PostVerifyAsync(HostilePdfs.Get(shape));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{shape}: {(int)response.StatusCode}");
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(page.IndexOf("tidak dapat dibaca", StringComparison.Ordinal) is >= 0 and var id && id < page.IndexOf("cannot be read", StringComparison.Ordinal), page);
        Assert.True(clock.Elapsed < Limit, $"{shape} took {clock.Elapsed}");
        await host.AssertReadyAsync();
    }

    [Theory]
    [MemberData(nameof(RefusedAtIntake))]
    public async Task Submit_RecordsTheFileAsInvalid_WhenItIsHostile(string shape)
    {
        using var api = new ApiCaller(host.Config.BaseUrl, host.ApiKey);
        var name = shape + "-api.pdf";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (status, body, _) = await api.SubmitAsync(HostilePdfs.Get(shape), "surat-keluar", fileName: name);

        Assert.True(status == HttpStatusCode.BadRequest, $"{shape}: {(int)status} {body}");
        Assert.True(clock.Elapsed < Limit, $"{shape} took {clock.Elapsed}");
        Assert.StartsWith("The PDF is damaged", body.GetProperty("detail").GetString());
        Assert.Contains("(damaged PDF: ", body.GetProperty("detail").GetString());
        Assert.Contains("rusak", body.GetProperty("detailId").GetString());
        var id = body.GetProperty("documentId").GetGuid();
        Assert.Equal("Invalid", await api.StateAsync(id));
        Assert.Contains(Directory.GetFiles(host.Failed, shape + "-api*.pdf"), f => File.ReadAllBytes(f).SequenceEqual(HostilePdfs.Get(shape)) && File.Exists(f + ".error.txt"));
        await host.AssertReadyAsync();
    }

    [Theory]
    [MemberData(nameof(RewrittenAtIntake))]
    public async Task Submit_TakesOnlyQpdfsRewrite_WhenTheHostilePartIsTheCrossReferenceData(string shape)
    {
        using var api = new ApiCaller(host.Config.BaseUrl, host.ApiKey);
        // The drop test takes the same shape: a comment after %%EOF keeps this upload from being its duplicate.
        byte[] pdf = [.. HostilePdfs.Get(shape), .. "\n% api\n"u8];
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (status, body, _) = await api.SubmitAsync(pdf, "surat-keluar", fileName: shape + "-api.pdf");

        Assert.True(status == HttpStatusCode.Accepted, $"{shape}: {(int)status} {body}");
        Assert.True(clock.Elapsed < Limit, $"{shape} took {clock.Elapsed}");
        await AssertTakenAsRewriteAsync(shape, body.GetProperty("id").GetGuid(), pdf);
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

    /// <summary>
    /// Shapes whose only hostile part is the cross-reference data (a /Size past the PDF limit, a /Prev loop): intake has qpdf
    /// rewrite such files, and the approver sees only the rewrite, which the strict walk checks again.
    /// </summary>
    private static readonly string[] Rewritten = ["huge-size", "huge-trailer-size", "prev-loop"];

    public static TheoryData<string> RefusedAtIntake() => [.. HostilePdfs.All.Keys.Except(Rewritten)];

    public static TheoryData<string> RewrittenAtIntake() => [.. Rewritten];

    private async Task AssertTakenAsRewriteAsync(string shape, Guid id, byte[] received)
    {
        var row = Assert.Single(await DocumentRow.QueryAsync(host.Database, "id = $1", id));
        Assert.True(Accepted.States.Contains(row.State), $"{shape}: {row.State} {row.Error}");
        Assert.EndsWith($"{id}.normalised.pdf", row.ContentPath);
        Assert.Equal(PdfCheckOutcome.Ok, PdfCheck.Check(row.ContentPath!).Outcome);
        // The original stays as received, byte for byte; the audit trail says why it was rewritten.
        Assert.Equal(received, await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(row.ContentPath)!, $"{id}.pdf")));
        Assert.NotNull(await host.Database.ScalarAsync<string>(
            $"SELECT detail FROM worker.audit_events WHERE document_id = '{id}' AND action = 'normalised'"));
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
