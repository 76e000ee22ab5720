using Hangfire;
using Npgsql;
using Worker.Notifications;
using Worker.Persistence;
using Worker.Signing;

namespace Worker.Approval;

/// <summary>
/// Turns the follow-ups every step commits with its state change (worker.follow_ups) into Hangfire jobs. Every worker relays;
/// a row is taken by one of them at a time. A crash between enqueuing and marking it dispatched enqueues it again later, which
/// is harmless: every job re-checks the document's state and does its work once.
/// </summary>
public sealed partial class FollowUpRelay(
    NpgsqlDataSource dataSource, FollowUpStore followUps, IBackgroundJobClient jobs, ILogger<FollowUpRelay> logger) : BackgroundService
{
    /// <summary>The poll that catches anything a lost notification left behind.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    private const int Batch = 200;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        NotifiedRelay.RunAsync(dataSource, FollowUpStore.Channel, PollEvery, DispatchAsync, LogDatabaseDown, stoppingToken);

    /// <summary>Hands every waiting follow-up to Hangfire; returns how many.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var total = 0;
        int count;
        do
        {
            count = await followUps.DispatchAsync(Enqueue, Batch, ct);
            total += count;
        } while (count == Batch);
        if (total > 0) LogDispatched(total);
        return total;
    }

    private string Enqueue(PendingFollowUp f)
    {
        var id = f.DocumentId;
        var mail = f.Mail;
        return f.Kind switch
        {
            FollowUp.StartApproval => jobs.Enqueue<IApprovalStarter>(s => s.StartAsync(id, CancellationToken.None)),
            FollowUp.Sign => jobs.Enqueue<ISigningStarter>(s => s.SignAsync(id, CancellationToken.None)),
            FollowUp.FileDeclined => jobs.Enqueue<DeclinedFiling>(d => d.FileAsync(id, CancellationToken.None)),
            FollowUp.DeliverMail => jobs.Enqueue<ApprovalMailJob>(m => m.DeliverAsync(mail, CancellationToken.None)),
            _ => throw new InvalidOperationException($"follow-up {f.Seq} has unknown kind {f.Kind}"),
        };
    }

    [LoggerMessage(LogLevel.Debug, "Follow-up relay queued {Count} job(s)")]
    private partial void LogDispatched(int count);

    [LoggerMessage(LogLevel.Warning, "Follow-up relay lost the database ({Error}); trying again in {Wait}")]
    private partial void LogDatabaseDown(string error, TimeSpan wait);
}
