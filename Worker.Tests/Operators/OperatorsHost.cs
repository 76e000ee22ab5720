using System.Text.Json.Nodes;
using Hangfire;
using Npgsql;
using Worker.Approval;
using Worker.Cli;
using Worker.Configuration;
using Worker.Dashboard;
using Worker.Tests.Support;

namespace Worker.Tests.Operators;

/// <summary>A worker with loopback SMTP, an operator and a viewer login, and helpers to run operator commands and read the audit trail.</summary>
public sealed class OperatorsHost : ApprovalHost
{
    public const string OperatorPassword = "operator-secret-1";
    public const string ViewerPassword = "viewer-secret-1";

    protected override void Configure(TestConfig config) =>
        config.Worker["Dashboard"] = new JsonObject
        {
            ["Users"] = new JsonArray(
                new JsonObject { ["Name"] = "operator", ["PasswordHash"] = PasswordHash.Create(OperatorPassword), ["Role"] = "Operator" },
                new JsonObject { ["Name"] = "viewer", ["PasswordHash"] = PasswordHash.Create(ViewerPassword), ["Role"] = "Viewer" }),
        };

    /// <summary>Runs <c>Worker ARGS --config FILE</c> in this process, as an operator would on a worker machine.</summary>
    public async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, "--config", Config.Write()], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Actors of the document's audit events with this action, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(Guid documentId, string action)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT actor FROM worker.audit_events WHERE document_id = $1 AND action = $2 ORDER BY seq", connection);
        command.Parameters.AddWithValue(documentId);
        command.Parameters.AddWithValue(action);
        var actors = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) actors.Add(reader.GetString(0));
        return actors;
    }

    /// <summary>
    /// A document as signing leaves it after its retries: every step approved, state Failed with an error. Recorded directly,
    /// without jobs, so nothing but a retry moves it on.
    /// </summary>
    public async Task<(Guid Id, string Title)> InsertFailedAsync(bool approved = true)
    {
        var title = $"Gagal {Guid.NewGuid().ToString()[..8]}";
        var id = await TestDocuments.InsertAsync(Database, Config, title: title);
        await Database.ExecuteAsync(
            $"""
            INSERT INTO worker.approval_steps (id, document_id, position, approver_email, approver_name, approver_position, signer, state, asked_at, decided_at)
            VALUES ('{Guid.NewGuid()}', '{id}', 1, '{Approver}', 'Demo Signer', 'Kepala Dinas', 'demo', '{(approved ? "Approved" : "Waiting")}', now(), now());
            UPDATE worker.documents SET state = 'Failed', error = 'signer key was locked' WHERE id = '{id}';
            """);
        return (id, title);
    }

    /// <summary>
    /// A Received document whose hand-off job is scheduled a day ahead: stuck, yet alive enough that the recovery sweep leaves
    /// it alone, so only an operator's retry moves it on during the test.
    /// </summary>
    public async Task<(Guid Id, string Title)> InsertStuckReceivedAsync()
    {
        var title = $"Macet {Guid.NewGuid().ToString()[..8]}";
        var id = await TestDocuments.InsertAsync(Database, Config, title: title);
        var job = Worker.App.Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule<IApprovalStarter>(s => s.StartAsync(id, CancellationToken.None), TimeSpan.FromDays(1));
        await Database.ExecuteAsync(
            $"UPDATE worker.documents SET approval_job_id = '{job}', updated_at = now() - interval '1 hour' WHERE id = '{id}'");
        return (id, title);
    }
}
