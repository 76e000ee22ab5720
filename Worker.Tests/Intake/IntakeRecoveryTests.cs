using Worker.Intake;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>
/// The states a kill -9 can leave behind, arranged on disk and in the database before the worker starts;
/// the start-up recovery has to finish each of them exactly once.
/// </summary>
public sealed class IntakeRecoveryTests(IntakeRecoveryTests.Host host) : IClassFixture<IntakeRecoveryTests.Host>
{
    public sealed class Host : IntakeHost
    {
        public Guid RenamedNotInserted { get; } = Guid.CreateVersion7();
        public Guid InsertedNotEnqueued { get; } = Guid.CreateVersion7();
        public Guid TicketNotRenamed { get; } = Guid.CreateVersion7();
        public Guid JobLost { get; } = Guid.CreateVersion7();
        public Guid InvalidNotFiled { get; } = Guid.CreateVersion7();
        public Guid UploadNotRenamed { get; } = Guid.CreateVersion7();
        public Guid UploadNotInserted { get; } = Guid.CreateVersion7();
        public byte[] InsertedBytes { get; } = TestPdfs.Unique();

        protected override void Arrange()
        {
            new DatabaseMigrator(Database.ConnectionString, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
                .MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
            var inbox = Config.Route["Inbox"]!.GetValue<string>();
            var processing = Directory.CreateDirectory(Path.Combine(inbox, ".processing")).FullName;
            var content = Directory.CreateDirectory(Path.Combine(Config.Worker["DataDirectory"]!.GetValue<string>(), "content")).FullName;

            // Killed between the rename and the insert.
            File.WriteAllBytes(Path.Combine(processing, $"{RenamedNotInserted}.pdf"), TestPdfs.Unique());
            Ticket(RenamedNotInserted, "Surat Tugas Dinas.pdf", "{ \"title\": \"Surat Tugas\" }").Write(Path.Combine(processing, $"{RenamedNotInserted}.claim.json"));

            // Killed right after the insert committed (its hand-off with it), before the relay passed the hand-off to Hangfire.
            File.WriteAllBytes(Path.Combine(content, $"{InsertedNotEnqueued}.pdf"), InsertedBytes);
            File.WriteAllBytes(Path.Combine(processing, $"{InsertedNotEnqueued}.pdf"), InsertedBytes);
            Ticket(InsertedNotEnqueued, "Nota Dinas.pdf").Write(Path.Combine(processing, $"{InsertedNotEnqueued}.claim.json"));
            Insert(InsertedNotEnqueued, "Nota Dinas.pdf", "Received", jobId: null, error: null);
            HandOff(InsertedNotEnqueued, jobId: null);

            // Killed between the ticket and the rename: the file is still in the inbox.
            Ticket(TicketNotRenamed, "masih-di-inbox.pdf").Write(Path.Combine(processing, $"{TicketNotRenamed}.claim.json"));
            File.WriteAllBytes(Path.Combine(inbox, "masih-di-inbox.pdf"), TestPdfs.Unique());

            // The approval job vanished (deleted from the dashboard, or storage lost) an hour ago: the lifecycle sweep queues it again.
            Insert(JobLost, "hilang.pdf", "Received", jobId: null, error: null);
            HandOff(JobLost, jobId: "987654");

            // Recorded as invalid, killed before the file reached failed/.
            File.WriteAllBytes(Path.Combine(processing, $"{InvalidNotFiled}.pdf"), "bukan pdf"u8.ToArray());
            Ticket(InvalidNotFiled, "rusak.pdf").Write(Path.Combine(processing, $"{InvalidNotFiled}.claim.json"));
            Insert(InvalidNotFiled, "rusak.pdf", "Invalid", jobId: null, error: "Berkas ini bukan PDF.\nThe file is not a PDF.");

            // An API upload killed while its bytes were written: the client got no answer and will retry.
            File.WriteAllBytes(Path.Combine(processing, $"{UploadNotRenamed}.pdf{FileClaimer.UploadSuffix}"), "%PDF-1.4 setengah"u8.ToArray());
            (Ticket(UploadNotRenamed, "unggahan.pdf") with { ApiClient = "e-office" }).Write(Path.Combine(processing, $"{UploadNotRenamed}.claim.json"));

            // An API upload killed between its rename and the insert: recorded as the client's all the same.
            File.WriteAllBytes(Path.Combine(processing, $"{UploadNotInserted}.pdf"), TestPdfs.Unique());
            (Ticket(UploadNotInserted, "unggahan-utuh.pdf") with { ApiClient = "e-office" })
                .Write(Path.Combine(processing, $"{UploadNotInserted}.claim.json"));
            // What the upload noted in the database before its claim; the ticket's ApiClient alone is not believed.
            Database.ExecuteAsync($"INSERT INTO worker.upload_claims (document_id, client) VALUES ('{UploadNotInserted}', 'e-office')")
                .GetAwaiter().GetResult();
        }

        private static ClaimTicket Ticket(Guid id, string name, string? sidecar = null) => new()
        {
            Id = id, Route = "surat-keluar", SourceName = name, ClaimedAt = DateTimeOffset.UtcNow,
            SidecarName = sidecar is null ? null : name + ".json", SidecarText = sidecar,
        };

        private void Insert(Guid id, string name, string state, string? jobId, string? error) =>
            Database.ExecuteAsync(
                $"""
                INSERT INTO worker.documents (id, route, state, source_name, size_bytes, sha256, title, approval_job_id, error, updated_at)
                VALUES ('{id}', 'surat-keluar', '{state}', '{name}', 1, '{Guid.NewGuid():N}', '{name}',
                        {(jobId is null ? "NULL" : $"'{jobId}'")}, {(error is null ? "NULL" : $"'{error}'")}, now() - interval '1 hour')
                """).GetAwaiter().GetResult();

        // The StartApproval follow-up committed with a Received document: waiting for the relay, or relayed as the given job.
        private void HandOff(Guid id, string? jobId) =>
            Database.ExecuteAsync(
                $"""
                INSERT INTO worker.follow_ups (document_id, kind, created_at, dispatched_at, job_id)
                VALUES ('{id}', 'StartApproval', now() - interval '1 hour',
                        {(jobId is null ? "NULL, NULL" : $"now() - interval '1 hour', '{jobId}'")})
                """).GetAwaiter().GetResult();
    }

    private async Task<DocumentRow> Finished(Guid id) =>
        Assert.Single(await Eventually.Async(
            () => DocumentRow.QueryAsync(host.Database, "id = $1", id),
            rows => rows.Count == 1 && rows[0].State != "Received",
            // A lost job waits for the lifecycle sweep, which runs every minute once the worker is up.
            TimeSpan.FromSeconds(240), $"document {id} handed to approval"));

    [Fact]
    public async Task Restart_RecordsTheClaimWithItsName_WhenKilledBetweenRenameAndInsert()
    {
        var row = await Finished(host.RenamedNotInserted);
        Accepted.Assert(row.State);
        Assert.Equal("Surat Tugas Dinas.pdf", row.SourceName);
        Assert.Equal("Surat Tugas", row.Title);
        Assert.Equal(1, await DocumentRow.ApprovalJobsAsync(host.Database, row.Id));
        await Eventually.Async(() => Task.FromResult(Directory.EnumerateFiles(host.Processing, $"{row.Id}*").Count()), n => n == 0);
    }

    [Fact]
    public async Task Restart_HandsOffOnce_WhenKilledBetweenInsertAndRelay()
    {
        var row = await Finished(host.InsertedNotEnqueued);
        Accepted.Assert(row.State);
        Assert.Equal(1, await DocumentRow.ApprovalJobsAsync(host.Database, row.Id));
        Assert.Equal(host.InsertedBytes, File.ReadAllBytes(Path.Combine(host.Content, $"{row.Id}.pdf")));
        await Eventually.Async(() => Task.FromResult(Directory.EnumerateFiles(host.Processing, $"{row.Id}*").Count()), n => n == 0);
    }

    [Fact]
    public async Task Restart_TakesTheFileOnceFromTheInbox_WhenKilledBetweenTicketAndRename()
    {
        var row = Assert.Single(await host.WaitForAsync("masih-di-inbox.pdf"));
        Accepted.Assert(row.State);
        Assert.NotEqual(host.TicketNotRenamed, row.Id);
        Assert.Empty(await DocumentRow.QueryAsync(host.Database, "id = $1", host.TicketNotRenamed));
        Assert.False(File.Exists(Path.Combine(host.Processing, $"{host.TicketNotRenamed}.claim.json")));
    }

    [Fact]
    public async Task Restart_ReenqueuesApproval_WhenTheJobIsMissing()
    {
        var row = await Finished(host.JobLost);
        Assert.Equal(1, await DocumentRow.ApprovalJobsAsync(host.Database, row.Id));
        Assert.Equal(1, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.audit_events WHERE document_id = '{row.Id}' AND action = 'retry-requested' AND actor = 'sweep'"));
    }

    [Fact]
    public async Task Restart_FilesToFailed_WhenKilledAfterRecordingInvalid()
    {
        await Eventually.Async(() => Task.FromResult(File.Exists(Path.Combine(host.Failed, "rusak.pdf.error.txt"))), done => done);
        var (_, error) = host.FailedFile("rusak.pdf");
        Assert.Contains("The file is not a PDF.", error);
        Assert.Single(await DocumentRow.QueryAsync(host.Database, "source_name = 'rusak.pdf'"));
    }

    [Fact]
    public async Task Restart_ClearsAHalfWrittenUpload_WithoutRecordingIt()
    {
        await Eventually.Async(() => Task.FromResult(Directory.EnumerateFiles(host.Processing, $"{host.UploadNotRenamed}*").Count()), n => n == 0,
            what: "half-written upload cleared");
        Assert.Empty(await DocumentRow.QueryAsync(host.Database, "id = $1", host.UploadNotRenamed));
    }

    [Fact]
    public async Task Restart_RecordsAnUploadAsItsClients_WhenKilledBetweenRenameAndInsert()
    {
        var row = await Finished(host.UploadNotInserted);
        Accepted.Assert(row.State);
        Assert.Equal("unggahan-utuh.pdf", row.SourceName);
        Assert.Equal("e-office", await host.Database.ScalarAsync<string>($"SELECT api_client FROM worker.documents WHERE id = '{row.Id}'"));
    }
}
