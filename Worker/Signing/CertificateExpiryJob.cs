using Quartz;

namespace Worker.Signing;

/// <summary>Twice a day, once across the cluster: the certificate expiry check.</summary>
[DisallowConcurrentExecution]
public sealed class CertificateExpiryJob(CertificateExpiryCheck check) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await check.RunAsync(ct);
}
