using Hangfire;
using Hangfire.States;
using Npgsql;
using Worker.Persistence;

namespace Worker.Api;

/// <summary>
/// Turns rows the documents trigger adds to worker.webhook_events into Hangfire delivery jobs, one per event. It wakes on the
/// trigger's NOTIFY and polls as well (a notification sent while it reconnected is lost). A document's event waits as a
/// continuation of the previous event's job, so a receiver sees each document's states in order, even across retries.
/// </summary>
public sealed partial class WebhookDispatcher(
    NpgsqlDataSource dataSource, WebhookEventStore events, ApiClients clients, IBackgroundJobClient jobs, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    /// <summary>The poll that catches anything a lost notification left behind.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogListening();
        await NotifiedRelay.RunAsync(dataSource, WebhookEventStore.Channel, PollEvery, async ct =>
        {
            var dispatched = await DispatchAsync(ct);
            if (dispatched > 0) LogDispatched(dispatched);
            return dispatched;
        }, LogDatabaseDown, stoppingToken);
    }

    /// <summary>Hands every waiting event to Hangfire; returns how many.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var total = 0;
        int count;
        do
        {
            var last = new Dictionary<Guid, string?>();
            count = await events.DispatchAsync(e =>
            {
                var after = last.TryGetValue(e.DocumentId, out var inBatch) ? inBatch : e.PreviousDelivered ? null : e.PreviousJobId;
                var jobId = Enqueue(e, after);
                last[e.DocumentId] = jobId;
                return jobId;
            }, Batch, ct);
            total += count;
        } while (count == Batch);
        return total;
    }

    // Null when the client has no webhook: the event is kept, but there is nobody to tell.
    private string? Enqueue(PendingWebhookEvent e, string? afterJobId)
    {
        if (clients.Find(e.Client)?.WebhookUrl is null) return null;
        var seq = e.Seq;
        return afterJobId is null
            ? jobs.Enqueue<WebhookDeliveryJob>(j => j.DeliverAsync(seq, CancellationToken.None))
            : jobs.ContinueJobWith<WebhookDeliveryJob>(afterJobId, j => j.DeliverAsync(seq, CancellationToken.None),
                new EnqueuedState(), JobContinuationOptions.OnlyOnSucceededState);
    }

    [LoggerMessage(LogLevel.Information, "Webhook dispatcher listening for document state changes")]
    private partial void LogListening();

    [LoggerMessage(LogLevel.Debug, "Webhook dispatcher queued {Count} event(s)")]
    private partial void LogDispatched(int count);

    [LoggerMessage(LogLevel.Warning, "Webhook dispatcher lost the database ({Error}); trying again in {Wait}")]
    private partial void LogDatabaseDown(string error, TimeSpan wait);
}
