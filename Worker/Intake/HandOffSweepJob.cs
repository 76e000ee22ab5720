using Quartz;

namespace Worker.Intake;

/// <summary>Every minute, once across the cluster: re-enqueues documents stuck in Received whose approval job is missing or failed.</summary>
[DisallowConcurrentExecution]
public sealed class HandOffSweepJob(ApprovalHandOff handOff) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await handOff.SweepAsync(ct);
}
