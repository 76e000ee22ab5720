using Quartz;

namespace Worker.Approval;

/// <summary>The Quartz job behind the office-hours trigger; one run at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class ApprovalSweepJob(ApprovalSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await sweep.RunAsync(ct);
}
