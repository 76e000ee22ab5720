using System.Net;
using Worker.Tests.Support;

namespace Worker.Tests.Api;

/// <summary>Webhooks reach a receiver on loopback signed, in order, and none is lost while the receiver is down.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiWebhookTests(ApiHost host)
{
    [Fact]
    public async Task Webhooks_DeliverEveryStateInOrder_WhenTheReceiverWasDownForAWhile()
    {
        using var api = host.Caller(host.EOfficeKey);
        await host.Receiver.StopAsync();
        var title = $"Surat webhook {Guid.NewGuid().ToString()[..8]}";
        var (status, body, _) = await api.SubmitAsync(TestPdfs.Unique(), "surat-keluar", title);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = body.GetProperty("id").GetGuid();
        await Eventually.Async(() => api.StateAsync(id), s => s == "AwaitingApproval", what: "AwaitingApproval");
        // Down long enough for attempts to fail and be retried later; the dashboard shows why.
        await Eventually.Async(
            () => host.Database.ScalarAsync<long>($"SELECT coalesce(sum(attempts), 0) FROM worker.webhook_events WHERE document_id = '{id}'"),
            n => n >= 2, what: "failed webhook attempts");
        Assert.Contains("could not be reached", await host.Database.ScalarAsync<string>(
            "SELECT string_agg(coalesce(reason, '') || ' ' || data::text, ' | ') FROM hangfire.state WHERE jobid = " +
            $"(SELECT job_id::bigint FROM worker.webhook_events WHERE document_id = '{id}' ORDER BY seq LIMIT 1)"));
        Assert.Empty(host.Receiver.For(id));
        await host.Receiver.StartAsync();

        var mail = await host.Smtp.WaitForAsync(ApprovalHost.Approver, title);
        await host.SentRecordedAsync(id, 1);
        using var browser = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync(ApprovalClient.TokenFrom(mail[0]), "approve", confirm: true)).Status);

        string[] expected = ["Received", "AwaitingApproval", "Approved", "Filed"];
        var deliveries = await Eventually.Async(() => Task.FromResult(host.Receiver.For(id)),
            d => expected.All(s => d.Any(x => x.State == s)), TimeSpan.FromSeconds(60), "every state delivered");
        Assert.All(deliveries, d => Assert.True(d.SignatureValid, $"bad signature on {d.State}"));
        Assert.All(deliveries, d => Assert.Equal("document.state_changed", d.Event));
        // Repeats are allowed (at-least-once) and carry the event id of their first delivery; first arrivals are in order.
        var firsts = deliveries.DistinctBy(d => d.EventId).ToList();
        Assert.Equal(expected, firsts.Select(d => d.State).Take(expected.Length));
        Assert.Equal(firsts.Count, firsts.Select(d => d.State).Distinct().Count());
        var stored = await host.Database.ScalarAsync<string>(
            $"SELECT string_agg(state, ',' ORDER BY seq) FROM worker.webhook_events WHERE document_id = '{id}'");
        Assert.Equal(string.Join(',', expected), stored);
    }

    [Fact]
    public async Task Webhooks_AreNotSent_ForClientsWithoutAWebhook()
    {
        using var api = host.Caller(host.KepegawaianKey);
        var (_, body, _) = await api.SubmitAsync(TestPdfs.Unique(), "dua-pejabat", $"Surat {Guid.NewGuid().ToString()[..8]}");
        var id = body.GetProperty("id").GetGuid();
        await Eventually.Async(
            () => host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.webhook_events WHERE document_id = '{id}' AND dispatched_at IS NOT NULL"),
            n => n >= 1, what: "dispatched event");
        Assert.Equal(0L, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.webhook_events WHERE document_id = '{id}' AND job_id IS NOT NULL"));
        Assert.Empty(host.Receiver.For(id));
    }

    [Fact]
    public async Task Webhooks_DoNotFollowARedirect_AndCountItAsAFailedDelivery()
    {
        using var api = host.Caller(host.PindahKey);
        var (status, body, _) = await api.SubmitAsync(TestPdfs.Unique(), "surat-keluar", $"Surat pindah {Guid.NewGuid().ToString()[..8]}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = body.GetProperty("id").GetGuid();
        var error = await Eventually.Async(
            () => host.Database.ScalarAsync<string>($"SELECT last_error FROM worker.webhook_events WHERE document_id = '{id}' ORDER BY seq LIMIT 1"),
            e => e is not null, what: "a failed webhook attempt");
        Assert.Contains("answered 307", error);
        Assert.True(host.Receiver.MovedHits >= 1);
        // The signed body never reached the address the redirect pointed to.
        Assert.Empty(host.Receiver.For(id));
        Assert.Null(await host.Database.ScalarAsync<DateTime?>($"SELECT delivered_at FROM worker.webhook_events WHERE document_id = '{id}' ORDER BY seq LIMIT 1"));
    }
}
