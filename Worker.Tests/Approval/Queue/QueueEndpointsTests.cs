using System.Net;
using Worker.Tests.Support;

namespace Worker.Tests.Approval.Queue;

/// <summary>
/// The queue link as an attacker would try it, over HTTP: another approver's documents, forged and expired links, tampered
/// forms, a missing antiforgery token or confirmation, double submits, and documents decided meanwhile elsewhere.
/// </summary>
public sealed class QueueEndpointsTests(ApprovalHost host) : IClassFixture<ApprovalHost>
{
    private const string Kadis = ApprovalHost.Approver;
    private const string Sekda = ApprovalHost.SecondApprover;

    private Task<string?> StepIdAsync(Guid documentId, int position = 1) =>
        host.Database.ScalarAsync<string>($"SELECT id::text FROM worker.approval_steps WHERE document_id = '{documentId}' AND position = {position}");

    private Task<long> AuditAsync(Guid documentId, string action) =>
        host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{documentId}' AND action = '{action}'");

    private async Task<(Guid Id, string Title, string Step, string Queue)> SubmitAsync(string route = "surat-keluar")
    {
        var (id, title) = await host.SubmitAsync(route);
        var queue = await QueueClient.TokenAsync(host, id, Kadis, title);
        return (id, title, (await StepIdAsync(id))!, queue);
    }

    [Fact]
    public async Task GetPage_ListsTheApproversDocumentsAcrossRoutes_AndNeverAnotherApprovers()
    {
        var one = await SubmitAsync();
        var two = await SubmitAsync("dua-pejabat");
        using var phone = new QueueClient(host.Config.BaseUrl);
        var (status, page) = await phone.GetAsync($"/queue/{two.Queue}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(one.Title, page);
        Assert.Contains(two.Title, page);
        Assert.Contains("Semua dokumen yang menunggu Anda", page);

        // Kadis approves the two-step document: it leaves kadis's queue and enters sekda's, whose link shows only that.
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsync(two.Queue, "approve", [two.Step])).Status);
        var sekdaQueue = await QueueClient.TokenAsync(host, two.Id, Sekda, two.Title, sendsBefore: 1);
        var (_, sekdaPage) = await phone.GetAsync($"/queue/{sekdaQueue}");
        Assert.Contains(two.Title, sekdaPage);
        Assert.Contains("All documents waiting for you", sekdaPage);
        Assert.DoesNotContain(one.Title, sekdaPage);
        Assert.DoesNotContain(two.Title, (await phone.GetAsync($"/queue/{one.Queue}")).Body);
        Assert.Equal("Waiting", await host.StepStateAsync(two.Id, 2));
    }

    [Fact]
    public async Task Post_DecidesNothing_WhenTheFormNamesAStepThatIsNotTheApproversOwn()
    {
        var mine = await SubmitAsync();
        var theirs = await SubmitAsync("dua-pejabat");
        using var phone = new QueueClient(host.Config.BaseUrl);
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsync(theirs.Queue, "approve", [theirs.Step])).Status);
        await QueueClient.TokenAsync(host, theirs.Id, Sekda, theirs.Title, sendsBefore: 1);
        var sekdaStep = (await StepIdAsync(theirs.Id, 2))!;

        string[][] cases = [[mine.Step, sekdaStep], [mine.Step, Guid.NewGuid().ToString()], [mine.Step, "1 OR 1=1"]];
        foreach (var tampered in cases)
        {
            var (status, body) = await phone.PostAsync(mine.Queue, "approve", tampered);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("bukan milik antrean Anda", body);
        }
        var (rejectStatus, _) = await phone.PostAsync(mine.Queue, "reject", [sekdaStep], reason: "bukan urusan saya");
        Assert.Equal(HttpStatusCode.BadRequest, rejectStatus);
        Assert.Equal("Waiting", await host.StepStateAsync(mine.Id));
        Assert.Equal("Waiting", await host.StepStateAsync(theirs.Id, 2));
        Assert.Equal(0, await AuditAsync(mine.Id, "approved"));
        Assert.Equal(1, await AuditAsync(theirs.Id, "approved"));
        // The document address answers only for the link's own waiting documents.
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/queue/{mine.Queue}/document/{sekdaStep}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/queue/{mine.Queue}/document/{mine.Step}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/queue/{mine.Queue}/view/{sekdaStep}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/queue/{mine.Queue}/view/{mine.Step}")).Status);
    }

    [Fact]
    public async Task Queue_OpensNothing_WhenTheLinkIsForgedOrExpired()
    {
        var doc = await SubmitAsync();
        using var phone = new QueueClient(host.Config.BaseUrl);
        var forged = Worker.Approval.ApprovalTokens.New();
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/queue/{forged}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/queue/not-a-token")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.PostAsync(forged, "approve", [doc.Step])).Status);
        // The approval-link token is not a queue token either.
        var mail = await host.Smtp.WaitForAsync(Kadis, doc.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/queue/{ApprovalClient.TokenFrom(mail[^1])}")).Status);

        var page = (await phone.GetAsync($"/queue/{doc.Queue}")).Body;
        var hash = Convert.ToHexStringLower(Worker.Approval.ApprovalTokens.Hash(doc.Queue)!);
        await host.Database.ExecuteAsync($"UPDATE worker.queue_links SET expires_at = now() - interval '1 minute' WHERE token_sha256 = '\\x{hash}'");
        var (status, body) = await phone.GetAsync($"/queue/{doc.Queue}");
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.DoesNotContain(doc.Title, body);
        Assert.Equal(HttpStatusCode.Gone, (await phone.PostAsync(doc.Queue, "approve", [doc.Step], page: page)).Status);
        Assert.Equal("Waiting", await host.StepStateAsync(doc.Id));
    }

    [Fact]
    public async Task QueueToken_IsStoredNowhere_ButAsItsHash_AfterItWasUsed()
    {
        var doc = await SubmitAsync();
        using var phone = new QueueClient(host.Config.BaseUrl);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/queue/{doc.Queue}/view/{doc.Step}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsync(doc.Queue, "reject", [doc.Step], reason: "dicoba")).Status);
        Assert.Empty(await Signing.Bsre.SecretLeakSearch.FindAsync(host.Database, host.Config, doc.Queue));
        var hash = Convert.ToHexStringLower(Worker.Approval.ApprovalTokens.Hash(doc.Queue)!);
        Assert.Equal(1, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.queue_links WHERE token_sha256 = '\\x{hash}'"));
    }

    [Fact]
    public async Task Post_DecidesNothing_WithoutAntiforgeryConfirmationOrReason()
    {
        var doc = await SubmitAsync();
        using var phone = new QueueClient(host.Config.BaseUrl);
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.PostAsync(doc.Queue, "approve", [doc.Step], withAntiforgery: false)).Status);
        var (status, body) = await phone.PostAsync(doc.Queue, "approve", [doc.Step], confirm: false);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Saya telah membaca dokumen yang saya pilih", body);
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.PostAsync(doc.Queue, "approve", [])).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.PostAsync(doc.Queue, "reject", [doc.Step], reason: "  ")).Status);
        // A form from another browser's page: its antiforgery token belongs to another cookie.
        using var other = new QueueClient(host.Config.BaseUrl);
        var foreign = (await other.GetAsync($"/queue/{doc.Queue}")).Body;
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.PostAsync(doc.Queue, "approve", [doc.Step], page: foreign)).Status);
        Assert.Equal("Waiting", await host.StepStateAsync(doc.Id));
        Assert.Equal(0, await AuditAsync(doc.Id, "approved"));
    }

    [Fact]
    public async Task Post_ReportsADocumentDecidedElsewhere_AndDecidesEachOnce_WhenSubmittedTwice()
    {
        var elsewhere = await SubmitAsync();
        var here = await SubmitAsync();
        using var phone = new QueueClient(host.Config.BaseUrl);
        var page = (await phone.GetAsync($"/queue/{here.Queue}")).Body;
        Assert.Contains(elsewhere.Title, page);

        // Meanwhile the single link of one of them is used on another device.
        var mail = await host.Smtp.WaitForAsync(Kadis, elsewhere.Title);
        using var single = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await single.PostAsync(ApprovalClient.TokenFrom(mail[^1]), "reject", confirm: true, reason: "salah alamat")).Status);

        var posts = await Task.WhenAll(
            phone.PostAsync(here.Queue, "approve", [elsewhere.Step, here.Step], page: page),
            phone.PostAsync(here.Queue, "approve", [elsewhere.Step, here.Step], page: page));
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.All(posts, p => Assert.Contains("Sudah diputuskan sebelumnya (Ditolak", p.Body));
        Assert.Single(posts, p => p.Body.Contains($"<strong>{here.Title}</strong>: Disetujui"));
        Assert.Equal("Rejected", await host.StepStateAsync(elsewhere.Id));
        Assert.Equal("Approved", await host.StepStateAsync(here.Id));
        Assert.Equal(0, await AuditAsync(elsewhere.Id, "approved"));
        Assert.Equal(1, await AuditAsync(elsewhere.Id, "rejected"));
        Assert.Equal(1, await AuditAsync(here.Id, "approved"));
    }

    [Fact]
    public async Task Post_RejectsOneDocument_WithTheReason()
    {
        var doc = await SubmitAsync();
        using var phone = new QueueClient(host.Config.BaseUrl);
        var (status, body) = await phone.PostAsync(doc.Queue, "reject", [doc.Step], reason: "Nomor surat keliru");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ditolak", body);
        Assert.Equal("Declined", await host.StateAsync(doc.Id));
        Assert.Equal("Nomor surat keliru",
            await host.Database.ScalarAsync<string>($"SELECT reason FROM worker.approval_steps WHERE id = '{doc.Step}'"));
        Assert.Equal(1, await AuditAsync(doc.Id, "rejected"));
    }
}
