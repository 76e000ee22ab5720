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
            worker["Incidents"] = new JsonObject { ["CheckEvery"] = "00:00:00.500" };
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
}
