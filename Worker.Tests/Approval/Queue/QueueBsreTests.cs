using System.Net;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Approval.Queue;

/// <summary>
/// The queue with a passphrase signer (the test BSrE service): three letters signed with one passphrase in one batch call,
/// one rejected; a wrong passphrase decides nothing; a Mode=All step that may not sign yet is never decided from the queue.
/// </summary>
public sealed class QueueBsreTests(QueueBsreHost host) : IClassFixture<QueueBsreHost>
{
    private const string Official = QueueBsreHost.Approver;

    private Task<string?> StepIdAsync(Guid documentId, int position = 1) =>
        host.Database.ScalarAsync<string>($"SELECT id::text FROM worker.approval_steps WHERE document_id = '{documentId}' AND position = {position}");

    private Task<long> AuditAsync(Guid documentId, string action) =>
        host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{documentId}' AND action = '{action}'");

    [Fact]
    public async Task Phone_SignsThreeWithOnePassphraseInOneBatchCall_AndRejectsOne()
    {
        var documents = new List<(Guid Id, string Title)>();
        for (var i = 0; i < 4; i++)
        {
            var (id, title, _) = await host.DropAsync("minimal-document.pdf");
            documents.Add((id, title));
        }
        string token = "";
        foreach (var (id, title) in documents) token = await QueueClient.TokenAsync(host, id, Official, title);
        var callsBefore = host.Service.Signed;

        await using var phone = await QueuePhone.OpenAsync($"{host.Config.BaseUrl}/queue/{token}");
        var approve = documents.Take(3).ToList();
        await phone.ApproveAsync(approve.Select(d => d.Title), host.Service.Passphrase, "queue-phone-bsre");
        foreach (var (_, title) in approve) Assert.EndsWith("Disetujui", (await phone.OutcomeAsync(title)).Trim());
        Assert.Equal(callsBefore + 1, host.Service.Signed);
        Assert.Equal(3, host.Service.LastFileCount);
        var rejected = documents[3];
        await phone.RejectAsync(rejected.Title, "Salah tujuan", "queue-phone-bsre");
        Assert.Empty(phone.CspViolations);

        foreach (var (id, _) in approve)
        {
            await host.WaitForStateAsync(id, "Filed", TimeSpan.FromSeconds(120));
            Assert.Equal(1, await AuditAsync(id, "approved"));
        }
        Assert.Equal("Declined", await host.StateAsync(rejected.Id));
        Assert.Equal(1, await AuditAsync(rejected.Id, "rejected"));
        Assert.Equal(0, await AuditAsync(rejected.Id, "approved"));
        Assert.Empty(await SecretLeakSearch.FindAsync(host.Database, host.Config, host.Service.Passphrase));
    }

    [Fact]
    public async Task Post_DecidesNothing_WhenThePassphraseIsWrongOrMissing()
    {
        var (one, oneTitle, _) = await host.DropAsync("minimal-document.pdf");
        var (two, twoTitle, _) = await host.DropAsync("minimal-document.pdf");
        await QueueClient.TokenAsync(host, one, Official, oneTitle);
        var token = await QueueClient.TokenAsync(host, two, Official, twoTitle);
        string[] steps = [(await StepIdAsync(one))!, (await StepIdAsync(two))!];
        using var phone = new QueueClient(host.Config.BaseUrl);

        var (status, body) = await phone.PostAsync(token, "approve", steps);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Masukkan Passphrase TTE", body);
        var wrong = "salah-" + Guid.NewGuid().ToString("N")[..10];
        (status, body) = await phone.PostAsync(token, "approve", steps, passphrase: wrong);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Passphrase TTE salah", body);
        foreach (var id in new[] { one, two })
        {
            Assert.Equal("Waiting", await host.StepStateAsync(id));
            Assert.Equal(0, await AuditAsync(id, "approved"));
            Assert.Equal(1, await AuditAsync(id, "secret-wrong"));
        }
        Assert.Empty(await SecretLeakSearch.FindAsync(host.Database, host.Config, wrong));
    }

    [Fact]
    public async Task Post_SignsAndDecidesEachOnce_WhenTheSameBatchIsPostedTwiceAtOnce()
    {
        var (one, oneTitle, _) = await host.DropAsync("minimal-document.pdf");
        var (two, twoTitle, _) = await host.DropAsync("minimal-document.pdf");
        await QueueClient.TokenAsync(host, one, Official, oneTitle);
        var token = await QueueClient.TokenAsync(host, two, Official, twoTitle);
        string[] steps = [(await StepIdAsync(one))!, (await StepIdAsync(two))!];
        using var phone = new QueueClient(host.Config.BaseUrl);
        var page = (await phone.GetAsync($"/queue/{token}")).Body;
        var before = host.Service.Signed;

        var taps = await Task.WhenAll(
            phone.PostAsync(token, "approve", steps, passphrase: host.Service.Passphrase, page: page),
            phone.PostAsync(token, "approve", steps, passphrase: host.Service.Passphrase, page: page));
        Assert.All(taps, t => Assert.Equal(HttpStatusCode.OK, t.Status));
        Assert.Single(taps, t => t.Body.Contains($"<strong>{oneTitle}</strong>: Disetujui") && t.Body.Contains($"<strong>{twoTitle}</strong>: Disetujui"));
        Assert.Single(taps, t => t.Body.Contains("Sudah diputuskan sebelumnya (Disetujui"));
        Assert.Equal(before + 1, host.Service.Signed);
        foreach (var id in new[] { one, two })
        {
            await host.WaitForStateAsync(id, "Filed", TimeSpan.FromSeconds(120));
            Assert.Equal(1, await AuditAsync(id, "approved"));
        }
    }

    [Fact]
    public async Task Post_DoesNotDecide_WhenOnAModeAllRouteOthersMustApproveFirst()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf", QueueBsreHost.AllRoute);
        var token = await QueueClient.TokenAsync(host, id, Official, title);
        var step = (await StepIdAsync(id, 2))!;
        using var phone = new QueueClient(host.Config.BaseUrl);
        var (_, page) = await phone.GetAsync($"/queue/{token}");
        Assert.Contains(title, page);
        Assert.Contains("disabled", page[page.IndexOf($"id=\"pick-{step}\"", StringComparison.Ordinal)..][..300]);

        // A tampered form ticks it anyway, with the right passphrase: reported, not signed, not decided.
        var before = host.Service.Signed;
        var (status, body) = await phone.PostAsync(token, "approve", [step], passphrase: host.Service.Passphrase);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain($"<strong>{title}</strong>: Disetujui", body);
        Assert.Equal(before, host.Service.Signed);
        Assert.Equal("Waiting", await host.StepStateAsync(id, 2));
        Assert.Equal(0, await AuditAsync(id, "approved"));
    }
}
