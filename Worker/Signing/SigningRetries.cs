using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;
using Worker.Approval;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Signing;

/// <summary>
/// Retries the sign-and-file job Worker:Signing:Retries times with doubling delays, then marks the document Failed with the
/// reason and tells the submitter. The job stays in Hangfire's Failed list, where an operator retries it once the cause is fixed.
/// </summary>
public sealed partial class SigningRetries(
    IServiceProvider services, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<SigningRetries> logger) : IElectStateFilter
{
    private const string RetryCount = "SigningRetryCount";

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed || context.BackgroundJob.Job?.Type != typeof(ISigningStarter)) return;
        var id = (Guid)context.BackgroundJob.Job.Args[0];
        var retries = context.GetJobParameter<int>(RetryCount);
        var settings = options.Value.Signing;
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
        var contact = document is null ? "" : ApprovalRoutes.Find(options.Value, document.Route)?.Contact ?? "";
        var outbox = store.MarkFailedAsync(id, error, contact, clock.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
        if (outbox is null) return;
        LogFailed(id, error);
        if (outbox.Length > 0) MailQueue.Enqueue(scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>(), outbox);
    }

    [LoggerMessage(LogLevel.Error, "Document {DocumentId} could not be signed after its retries: {Error}")]
    private partial void LogFailed(Guid documentId, string error);
}
