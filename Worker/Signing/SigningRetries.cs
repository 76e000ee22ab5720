using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;
using Worker.Approval;
using Worker.Configuration;
using Worker.Filing;
using Worker.Persistence;

namespace Worker.Signing;

/// <summary>
/// Retries the sign-and-file job Worker:Signing:Retries times with doubling delays, then marks the document Failed with the
/// reason and tells the submitter. The job stays in Hangfire's Failed list, where an operator retries it once the cause is fixed.
/// </summary>
public sealed partial class SigningRetries(
    IServiceProvider services, RouteBook routes, IOptions<SigningOptions> signing, TimeProvider clock, ILogger<SigningRetries> logger) : IElectStateFilter
{
    private const string RetryCount = "SigningRetryCount";

    /// <summary>The longest wait between tries while the archive folder cannot be written.</summary>
    public static readonly TimeSpan MaxFolderWait = TimeSpan.FromMinutes(1);

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed || context.BackgroundJob.Job?.Type != typeof(ISigningStarter)) return;
        var id = (Guid)context.BackgroundJob.Job.Args[0];
        var retries = context.GetJobParameter<int>(RetryCount);
        var settings = signing.Value;
        if (failed.Exception is FolderUnavailableException)
        {
            // The archive is full or read-only: not the document's fault, so it does not use up its retries; tried again until it files.
            var wait = TimeSpan.FromTicks(Math.Min(settings.RetryDelay.Ticks, MaxFolderWait.Ticks));
            context.CandidateState = new ScheduledState(wait) { Reason = $"Retry in {wait}: {failed.Exception.Message}" };
            return;
        }
        if (retries < settings.Retries)
        {
            var delay = settings.RetryDelay * Math.Pow(2, retries);
            context.SetJobParameter(RetryCount, retries + 1);
            context.CandidateState = new ScheduledState(delay)
            {
                Reason = $"Retry {retries + 1} of {settings.Retries} in {delay}: {failed.Exception.Message}",
            };
            return;
        }
        // A later manual retry from the dashboard gets a fresh set of retries.
        context.SetJobParameter(RetryCount, 0);
        MarkFailed(id, failed.Exception.Message.ReplaceLineEndings(" "));
    }

    private void MarkFailed(Guid id, string error)
    {
        using var scope = services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<SigningStore>();
        var document = store.LoadAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        var contact = document is null ? "" : routes.Find(document.Route)?.Contact ?? "";
        if (store.MarkFailedAsync(id, error, contact, clock.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult()) LogFailed(id, error);
    }

    [LoggerMessage(LogLevel.Error, "Document {DocumentId} could not be signed after its retries: {Error}")]
    private partial void LogFailed(Guid documentId, string error);
}
