using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Signing.Watch;

/// <summary>Checks every signer at start and every Worker:Signing:CheckEvery, on each worker (each reports its own readiness).</summary>
public sealed partial class SignerWatchService(SignerWatch watch, IOptions<SigningOptions> signing, TimeProvider clock, ILogger<SignerWatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(signing.Value.CheckEvery, clock);
        try
        {
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
        catch (Exception e) when (stoppingToken.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping (or a start that failed, such as a taken port): a check cut short says nothing about the signer.
        }
    }

    [LoggerMessage(LogLevel.Warning, "Signer check did not finish: {Problem}")]
    private partial void LogCheckFailed(string problem);
}
