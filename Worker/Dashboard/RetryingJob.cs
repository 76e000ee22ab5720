namespace Worker.Dashboard;

/// <summary>A document's job that failed and waits in Hangfire's schedule for its next try.</summary>
/// <param name="DocumentId">The document the job works on (its first argument).</param>
/// <param name="JobId">The Hangfire job, for its details page.</param>
/// <param name="NextTry">When Hangfire runs it again.</param>
/// <param name="Reason">Hangfire's reason for the wait: which try, and the error that caused it.</param>
public sealed record RetryingJob(Guid DocumentId, string JobId, DateTimeOffset NextTry, string Reason);
