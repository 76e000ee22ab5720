using Npgsql;

namespace Worker.Persistence;

/// <summary>Records the audit trail's head every few seconds and at shutdown, so even the newest event is covered outside the database.</summary>
public sealed partial class AuditHeadRecorder(AuditLog audit, ILogger<AuditHeadRecorder> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RecordAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await RecordAsync(cancellationToken);
    }

    private async Task RecordAsync(CancellationToken ct)
    {
        try { await audit.RecordHeadAsync(ct); }
        // The database check in /health/ready reports an outage; the next tick records the head.
        catch (NpgsqlException e) { LogNotRecorded(e.Message); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { LogNotRecorded(e.Message); }
    }

    [LoggerMessage(LogLevel.Warning, "Audit head not recorded this time: {Reason}")]
    private partial void LogNotRecorded(string reason);
}
