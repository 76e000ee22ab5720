using Quartz;

namespace Worker.Approval;

/// <summary>The Quartz job behind the lifecycle sweep; one run at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class LifecycleSweepJob(LifecycleSweep sweep) : IJob
{
    /// <summary>How often the sweep looks.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await sweep.RunAsync(ct);
}
