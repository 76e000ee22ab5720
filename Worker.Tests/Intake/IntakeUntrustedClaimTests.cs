using System.Text;
using System.Text.Json.Nodes;
using Worker.Intake;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>
/// Claims left in .processing that a clerk forged or that keep failing, arranged before the worker starts: recovery takes
/// names and clients from the database, never from the ticket, writes only inside the route's folders, and quarantines poison.
/// </summary>
public sealed class IntakeUntrustedClaimTests(IntakeUntrustedClaimTests.Host host) : IClassFixture<IntakeUntrustedClaimTests.Host>
{
    public sealed class Host : IntakeHost
    {
        public string Escape { get; } = $"x-{Guid.NewGuid():N}";
        public Guid ForgedInvalid { get; } = Guid.CreateVersion7();
        public Guid ForgedValid { get; } = Guid.CreateVersion7();
        public Guid TicketIsFifo { get; } = Guid.CreateVersion7();
        public Guid Poison { get; } = Guid.CreateVersion7();
        public Guid FailedTwice { get; } = Guid.CreateVersion7();
        public byte[] PoisonBytes { get; } = TestPdfs.Unique();
        public string PrivateLogs => Path.Combine(Config.Directory, "private", "logs");
        public string PrivateOutbox => Path.Combine(Config.Directory, "private", "outbox");

        protected override void Configure(JsonObject worker)
        {
            // Folders the worker creates itself, to see the modes it gives them.
            worker["LogDirectory"] = PrivateLogs;
            worker["Mail"]!["PickupDirectory"] = PrivateOutbox;
        }

        protected override void Arrange()
        {
            new DatabaseMigrator(Database.ConnectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
                .MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
            var inbox = Config.Route["Inbox"]!.GetValue<string>();
            var processing = Directory.CreateDirectory(Path.Combine(inbox, ".processing")).FullName;
            var attempts = Directory.CreateDirectory(Path.Combine(Config.Worker["DataDirectory"]!.GetValue<string>(), "intake-attempts")).FullName;

            // A clerk's forgery: a name that climbs out of failed/, another route, and an API client it never was.
            File.WriteAllBytes(Path.Combine(processing, $"{ForgedInvalid}.pdf"), Encoding.UTF8.GetBytes("isi penyerang"));
            Forged(ForgedInvalid, $"../../../../../tmp/{Escape}").Write(Path.Combine(processing, $"{ForgedInvalid}.claim.json"));
            File.WriteAllBytes(Path.Combine(processing, $"{ForgedValid}.pdf"), TestPdfs.Unique());
            Forged(ForgedValid, "../../etc/cron.d/surat-palsu.pdf").Write(Path.Combine(processing, $"{ForgedValid}.claim.json"));

            // A pipe in place of the ticket: reading it must not block recovery.
            File.WriteAllBytes(Path.Combine(processing, $"{TicketIsFifo}.pdf"), TestPdfs.Unique());
            Fifo.Make(Path.Combine(processing, $"{TicketIsFifo}.claim.json"));

            // Examined three times already without a result (each time the worker died, say): quarantined, not examined again.
            File.WriteAllBytes(Path.Combine(processing, $"{Poison}.pdf"), PoisonBytes);
            Ticket(Poison, "racun.pdf").Write(Path.Combine(processing, $"{Poison}.claim.json"));
            File.WriteAllText(Path.Combine(attempts, Poison.ToString()), "+++");
            // Twice only: examined once more, normally.
            File.WriteAllBytes(Path.Combine(processing, $"{FailedTwice}.pdf"), TestPdfs.Unique());
            Ticket(FailedTwice, "dua-kali.pdf").Write(Path.Combine(processing, $"{FailedTwice}.claim.json"));
            File.WriteAllText(Path.Combine(attempts, FailedTwice.ToString()), "++");
        }

        private static ClaimTicket Ticket(Guid id, string name) => new()
        {
            Id = id, Route = "surat-keluar", SourceName = name, ClaimedAt = DateTimeOffset.UtcNow,
        };

        private static ClaimTicket Forged(Guid id, string name) => Ticket(id, name) with { Route = "rute-lain", ApiClient = "e-office" };
    }

    private async Task<DocumentRow> Finished(Guid id) =>
        Assert.Single(await Eventually.Async(
            () => DocumentRow.QueryAsync(host.Database, "id = $1", id),
            rows => rows.Count == 1 && !Directory.EnumerateFiles(host.Processing, $"{id}*").Any(),
            what: $"document {id} finished"));

    private Task<string?> ApiClientOf(Guid id) => host.Database.ScalarAsync<string>($"SELECT api_client FROM worker.documents WHERE id = '{id}'");

    [Fact]
    public async Task Restart_FilesInsideFailedUnderAPlainName_WhenAForgedTicketNamesAPathOutside()
    {
        var row = await Finished(host.ForgedInvalid);
        Assert.Equal("Invalid", row.State);
        Assert.Equal(host.Escape, row.SourceName);
        Assert.Equal("surat-keluar", row.Route);
        Assert.Null(await ApiClientOf(row.Id));
        Assert.False(File.Exists(Path.Combine("/tmp", host.Escape)));
        var (failed, _) = host.FailedFile(host.Escape);
        Assert.Equal("isi penyerang", File.ReadAllText(failed));
    }

    [Fact]
    public async Task Restart_IgnoresTheTicketsApiClient_WhenTheDatabaseNeverSawTheUpload()
    {
        var row = await Finished(host.ForgedValid);
        Accepted.Assert(row.State);
        Assert.Equal("surat-palsu.pdf", row.SourceName);
        Assert.Null(await ApiClientOf(row.Id));
    }

    [Fact]
    public async Task Restart_RecoversWithoutBlocking_WhenTheTicketIsAFifo()
    {
        var row = await Finished(host.TicketIsFifo);
        Accepted.Assert(row.State);
        Assert.Equal($"{host.TicketIsFifo}.pdf", row.SourceName);
    }

    [Fact]
    public async Task Restart_QuarantinesToFailed_WhenTheClaimWasExaminedMaxAttemptsTimes()
    {
        var row = await Finished(host.Poison);
        Assert.Equal("Invalid", row.State);
        Assert.Null(row.ContentPath);
        var (failed, error) = host.FailedFile("racun.pdf");
        Assert.Contains("dikarantina", error);
        Assert.Contains("3 time(s)", error);
        // The original is kept whole, and was not copied or examined again.
        Assert.Equal(host.PoisonBytes, File.ReadAllBytes(failed));
        Assert.False(File.Exists(Path.Combine(host.Content, $"{host.Poison}.pdf")));
        Assert.False(File.Exists(Path.Combine(host.Worker.Options.DataDirectory, "intake-attempts", host.Poison.ToString())));
    }

    [Fact]
    public async Task Restart_ExaminesAgain_WhenTheClaimFailedFewerThanMaxAttemptsTimes()
    {
        var row = await Finished(host.FailedTwice);
        Accepted.Assert(row.State);
        Assert.False(File.Exists(Path.Combine(host.Worker.Options.DataDirectory, "intake-attempts", host.FailedTwice.ToString())));
    }

    [Fact]
    public async Task Start_CreatesLogAndOutboxFoldersOwnerOnly_AndKeepsClaiming()
    {
        var name = $"normal-{Guid.NewGuid():N}.pdf";
        host.Drop(name, TestPdfs.Unique());
        Accepted.Assert(Assert.Single(await host.WaitForAsync(name)).State);
        Assert.Equal("700", Modes.Of(host.PrivateLogs));
        Assert.NotEmpty(Directory.GetFiles(host.PrivateLogs, "worker-*.log"));
        var mail = await Eventually.Async(() => Task.FromResult(Directory.Exists(host.PrivateOutbox) ? Directory.GetFiles(host.PrivateOutbox, "*.eml") : []),
            files => files.Length > 0, TimeSpan.FromSeconds(30), "an approval request in the pickup folder");
        Assert.Equal("700", Modes.Of(host.PrivateOutbox));
        Assert.All(mail, m => Assert.Equal("600", Modes.Of(m)));
        await host.AssertReadyAsync();
    }
}
