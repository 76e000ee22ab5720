using Worker.Tests.Signing;
using Worker.Tests.Support;

namespace Worker.Tests.Approval.Queue;

/// <summary>An official with a key-file signer approves three letters at once from the queue page on a phone and rejects a fourth.</summary>
public sealed class QueueBrowserTests(SigningHost host) : IClassFixture<SigningHost>
{
    [Fact]
    public async Task Phone_ApprovesThreeAtOnceAndRejectsOne_EachWithOneAuditEvent()
    {
        var documents = new List<(Guid Id, string Title)>();
        foreach (var file in new[] { "minimal-document.pdf", "pdflatex-4-pages.pdf", "minimal-document.pdf", "minimal-document.pdf" })
        {
            var (id, title, _) = await host.DropAsync(file);
            documents.Add((id, title));
        }
        string token = "";
        foreach (var (id, title) in documents) token = await QueueClient.TokenAsync(host, id, ApprovalHost.Approver, title);

        await using var phone = await QueuePhone.OpenAsync($"{host.Config.BaseUrl}/queue/{token}");
        foreach (var (_, title) in documents) Assert.True(await phone.Page.GetByText(title, new() { Exact = true }).IsVisibleAsync(), title);
        await Eventually.Async(phone.ThumbnailsLoadedAsync, loaded => loaded, TimeSpan.FromSeconds(120), "first-page thumbnails");
        await phone.ShotAsync("queue-phone");
        // Reading happens in place: the four-page letter's pages, drawn from the approved bytes, then back to the list.
        Assert.Equal(4, await phone.ReadAsync(documents[1].Title, "queue-phone-read"));
        var approve = documents.Take(3).ToList();
        await phone.ApproveAsync(approve.Select(d => d.Title), passphrase: null, "queue-phone-keyfile");
        foreach (var (_, title) in approve) Assert.EndsWith("Disetujui", (await phone.OutcomeAsync(title)).Trim());
        var rejected = documents[3];
        await phone.RejectAsync(rejected.Title, "Lampiran belum lengkap", "queue-phone-keyfile");
        Assert.EndsWith("Ditolak", (await phone.OutcomeAsync(rejected.Title)).Trim());
        Assert.Empty(phone.CspViolations);

        foreach (var (id, _) in approve)
        {
            await host.WaitForStateAsync(id, "Filed", TimeSpan.FromSeconds(120));
            Assert.Equal(1, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{id}' AND action = 'approved'"));
            Assert.Equal(0, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{id}' AND action = 'rejected'"));
        }
        Assert.Equal("Declined", await host.StateAsync(rejected.Id));
        Assert.Equal(1, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{rejected.Id}' AND action = 'rejected'"));
        Assert.Equal(0, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{rejected.Id}' AND action = 'approved'"));
    }
}
