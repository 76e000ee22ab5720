using Quartz;

namespace Worker.Signing;

/// <summary>Once across the cluster, every Worker:Timestamp:RenewEvery: the archive renewal.</summary>
[DisallowConcurrentExecution]
public sealed class ArchiveRenewalJob(ArchiveRenewal renewal) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await renewal.RunAsync(ct);
}
