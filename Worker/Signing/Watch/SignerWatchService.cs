using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Signing.Watch;

/// <summary>Checks every signer at start and every Worker:Signing:CheckEvery, on each worker (each reports its own readiness).</summary>
public sealed partial class SignerWatchService(SignerWatch watch, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<SignerWatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Signing.CheckEvery, clock);
        do
        {
            try
            {
                await watch.CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                // A check that could not finish is not a verdict; the next one runs on time.
                LogCheckFailed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(LogLevel.Warning, "Signer check did not finish: {Problem}")]
    private partial void LogCheckFailed(string problem);
}
