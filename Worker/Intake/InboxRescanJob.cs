using Quartz;

namespace Worker.Intake;

/// <summary>The scheduled full rescan of every inbox, because network shares drop watcher events.</summary>
[DisallowConcurrentExecution]
public sealed class InboxRescanJob(IntakeSignals signals) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        signals.RequestRescan();
        return ValueTask.CompletedTask;
    }
}
