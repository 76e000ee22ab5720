using System.Text.Json.Nodes;
using Worker.Tests.Intake;
using Worker.Tests.Support;

namespace Worker.Tests.Notifications;

/// <summary>Operators hear about trouble once when it starts and once when it is over, not once per check or retry.</summary>
public sealed class IncidentWatchTests(IncidentWatchTests.Host host) : IClassFixture<IncidentWatchTests.Host>
{
    private const string Operator = "ops@example.go.id";

    // Several checks happen in this time: a second mail would have come by then.
    private static readonly TimeSpan SeveralChecks = TimeSpan.FromSeconds(5);

    public sealed class Host : IntakeHost
    {
        public TestSmtpServer Smtp { get; } = new TestSmtpServer().Start();

        protected override void Configure(JsonObject worker)
        {
            worker["Mail"]!["Smtp"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = Smtp.Port, ["Security"] = "None", ["Timeout"] = "00:00:05" };
            worker["Mail"]!["Operators"] = new JsonArray(Operator);
            worker["Incidents"] = new JsonObject { ["CheckEvery"] = "00:00:00.500", ["AuditEvery"] = "00:00:00.500" };
        }
    }

    [Fact]
    public async Task Watch_MailsOperatorsOnceAndOnceOnRecovery_WhenADocumentFailsAndIsLaterFiled()
    {
        var name = $"gagal-{Guid.NewGuid():N}.pdf";
        host.Drop(name, TestPdfs.Unique());
        var row = Assert.Single(await host.WaitForAsync(name));
        await host.Database.ExecuteAsync($"UPDATE worker.documents SET state = 'Failed', error = 'signer demo: wrong password' WHERE id = '{row.Id}'");

        var opened = Assert.Single(await host.Smtp.WaitForAsync(Operator, $"Document failed: {row.Title}", timeout: TimeSpan.FromSeconds(90)));
        Assert.Contains("wrong password", opened.TextBody);
        Assert.Contains($"Worker documents retry {row.Id}", opened.TextBody);
        await Task.Delay(SeveralChecks);
        Assert.Single(host.Smtp.Matching(Operator, $"Document failed: {row.Title}"));

        await host.Database.ExecuteAsync($"UPDATE worker.documents SET state = 'Filed' WHERE id = '{row.Id}'");
        Assert.Single(await host.Smtp.WaitForAsync(Operator, $"Recovered: Dokumen gagal ditandatangani / Document failed: {row.Title}", timeout: TimeSpan.FromSeconds(90)));
        await Task.Delay(SeveralChecks);
        Assert.Single(host.Smtp.Matching(Operator, $"Document failed: {row.Title}"), m => (m.Subject ?? "").Contains("Recovered"));
        Assert.Equal(2, host.Smtp.Matching(Operator, $"Document failed: {row.Title}").Count);
    }

    [Fact]
    public async Task Watch_OpensOneIncidentAndMailsOneRecovery_WhenARouteFolderDisappearsAndReturns()
    {
        var away = host.Failed + ".away";
        Directory.Move(host.Failed, away);
        try
        {
            var opened = Assert.Single(await host.Smtp.WaitForAsync(Operator, "Needs attention: Folder rute hilang", timeout: TimeSpan.FromSeconds(90)));
            Assert.Contains(host.Failed, opened.TextBody);
            await Task.Delay(SeveralChecks);
            Assert.Single(host.Smtp.Matching(Operator, "Needs attention: Folder rute hilang"));
        }
        finally
        {
            Directory.Move(away, host.Failed);
        }

        Assert.Single(await host.Smtp.WaitForAsync(Operator, "Recovered: Folder rute hilang", timeout: TimeSpan.FromSeconds(90)));
        await Task.Delay(SeveralChecks);
        Assert.Single(host.Smtp.Matching(Operator, "Recovered: Folder rute hilang"));
        Assert.Single(host.Smtp.Matching(Operator, "Needs attention: Folder rute hilang"));
    }

    [Fact]
    public async Task Watch_MailsOnceAndOnceOnRecovery_WhenADocumentIsStuckPastTheThresholdAndThenMoves()
    {
        var name = $"macet-{Guid.NewGuid():N}.pdf";
        host.Drop(name, TestPdfs.Unique());
        var row = Assert.Single(await host.WaitForAsync(name));
        // Approved two hours ago and untouched since (the default threshold is one hour): the signing never started.
        await host.Database.ExecuteAsync($"UPDATE worker.documents SET state = 'Approved', updated_at = now() - interval '2 hours' WHERE id = '{row.Id}'");

        var opened = await OpenedOnceAsync("Document stuck in Approved since");
        Assert.Contains(row.Title, opened.Subject);
        Assert.Contains($"Worker documents retry {row.Id}", opened.TextBody);

        await host.Database.ExecuteAsync($"UPDATE worker.documents SET state = 'Filed', updated_at = now() WHERE id = '{row.Id}'");
        await RecoveredOnceAsync("Document stuck in Approved since", row.Title);
    }

    [Fact]
    public async Task Watch_MailsOnceAndOnceOnRecovery_WhenAnEmailKeepsFailingAndIsThenSent()
    {
        var name = $"surel-{Guid.NewGuid():N}.pdf";
        host.Drop(name, TestPdfs.Unique());
        var row = Assert.Single(await host.WaitForAsync(name));
        var mail = Guid.CreateVersion7();
        // What the delivery job leaves after its retries: still unsent, failed, with the server's answer.
        await host.Database.ExecuteAsync(
            $"""
            INSERT INTO worker.outbox (id, key, kind, document_id, recipient, state, attempts, last_error, created_at)
            VALUES ('{mail}', 'test-{mail}', 'Declined', '{row.Id}', 'clerk@example.go.id', 'Failed', 5, '550 mailbox unavailable', now())
            """);

        var opened = await OpenedOnceAsync("Email delivery keeps failing");
        Assert.Contains("550 mailbox unavailable", opened.TextBody);

        await host.Database.ExecuteAsync($"UPDATE worker.outbox SET state = 'Sent', sent_at = now() WHERE id = '{mail}'");
        await RecoveredOnceAsync("Email delivery keeps failing");
    }

    [Fact]
    public async Task Watch_MailsOnceAndOnceOnRecovery_WhenAnAuditEventIsAlteredAndThenRestored()
    {
        var name = $"audit-{Guid.NewGuid():N}.pdf";
        host.Drop(name, TestPdfs.Unique());
        var row = Assert.Single(await host.WaitForAsync(name));
        var seq = await host.Database.ScalarAsync<long>($"SELECT min(seq) FROM worker.audit_events WHERE document_id = '{row.Id}'");
        var actor = (await host.Database.ScalarAsync<string>($"SELECT actor FROM worker.audit_events WHERE seq = {seq}"))!;
        // Only the table's owner can, by switching the guard off: the tampering the chain must reveal.
        await SetActorAsync(seq, "someone-else");

        var opened = await OpenedOnceAsync($"Audit chain broken at event {seq}");
        Assert.Contains("Worker audit verify", opened.TextBody);

        await SetActorAsync(seq, actor);
        await RecoveredOnceAsync($"Audit chain broken at event {seq}");
    }

    private Task SetActorAsync(long seq, string actor) => host.Database.ExecuteAsync(
        $"""
        ALTER TABLE worker.audit_events DISABLE TRIGGER audit_events_no_update;
        UPDATE worker.audit_events SET actor = '{actor.Replace("'", "''")}' WHERE seq = {seq};
        ALTER TABLE worker.audit_events ENABLE TRIGGER audit_events_no_update;
        """);

    // The opening mail arrives within a few checks, and no second one follows however many checks see the same trouble.
    private async Task<MimeKit.MimeMessage> OpenedOnceAsync(string about)
    {
        var opened = Assert.Single(await host.Smtp.WaitForAsync(Operator, about, timeout: TimeSpan.FromSeconds(90)));
        Assert.Contains("Needs attention: ", opened.Subject);
        await Task.Delay(SeveralChecks);
        Assert.Single(host.Smtp.Matching(Operator, about));
        return opened;
    }

    // One recovery mail, and in all exactly two: the opening and the recovery.
    private async Task RecoveredOnceAsync(string about, string? also = null)
    {
        await Eventually.Async(() => Task.FromResult(host.Smtp.Matching(Operator, about)),
            l => l.Any(m => (m.Subject ?? "").Contains("Recovered")), TimeSpan.FromSeconds(90), $"the recovery mail about {about}");
        await Task.Delay(SeveralChecks);
        var all = host.Smtp.Matching(Operator, about);
        Assert.Equal(2, all.Count);
        Assert.Single(all, m => (m.Subject ?? "").Contains("Recovered"));
        if (also is not null) Assert.All(all, m => Assert.Contains(also, m.Subject));
    }
}
