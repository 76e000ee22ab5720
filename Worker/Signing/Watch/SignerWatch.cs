using System.Collections.Concurrent;
using Worker.Approval;
using Worker.Metrics;
using Worker.Notifications;

namespace Worker.Signing.Watch;

/// <summary>
/// The signers' latest check, kept for /health/ready, /metrics, the dashboard and the approval page, so none of them makes
/// a token sign per request. Operators get one mail when a signer turns bad and one when it recovers, not one per check.
/// </summary>
public sealed partial class SignerWatch(SignerReadiness readiness, OperatorAlerts alerts, WorkerMetrics metrics, TimeProvider clock,
    ILogger<SignerWatch> logger)
{
    private readonly ConcurrentDictionary<string, SignerStatus> latest = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim checking = new(1, 1);

    /// <summary>Every signer's latest status, or empty before the first check.</summary>
    public IReadOnlyList<SignerStatus> Latest => [.. latest.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>False only when the last check of <paramref name="signer"/> found it unable to sign (unknown counts as able).</summary>
    public bool CanSign(string signer) => !latest.TryGetValue(signer, out var status) || status.Ready;

    /// <summary>Checks every signer now, records the results and tells operators about each change.</summary>
    public async Task<IReadOnlyList<SignerStatus>> CheckAsync(CancellationToken ct)
    {
        await checking.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            var results = await readiness.CheckAsync(null, ct);
            foreach (var (name, ready, line) in results)
            {
                var status = new SignerStatus { Name = name, Ready = ready, Line = line, CheckedAt = now };
                var before = latest.TryGetValue(name, out var earlier) ? earlier : null;
                latest[name] = status;
                metrics.SignerReady.WithLabels(name).Set(ready ? 1 : 0);
                if (before?.Ready == ready || (before is null && ready)) continue;
                if (ready) LogRecovered(line); else LogTurnedBad(line);
                await alerts.SendAsync(ready
                    ? $"Penanda tangan {name} pulih / Signer {name} recovered"
                    : $"Penanda tangan {name} tidak dapat menandatangani / Signer {name} cannot sign",
                    ready ? line : line + "\n\nHalaman persetujuan menolak persetujuan sampai penanda tangan pulih. / Approval pages refuse approvals until the signer recovers.",
                    ct);
            }
            foreach (var gone in latest.Keys.Except(results.Select(r => r.Name)).ToList()) latest.TryRemove(gone, out _);
            return Latest;
        }
        finally
        {
            checking.Release();
        }
    }

    [LoggerMessage(LogLevel.Error, "Signer check: {Line}")]
    private partial void LogTurnedBad(string line);

    [LoggerMessage(LogLevel.Information, "Signer check: recovered: {Line}")]
    private partial void LogRecovered(string line);
}
