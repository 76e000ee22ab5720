namespace Worker.Notifications;

/// <summary>Some emails of a delivery job did not go out; thrown so Hangfire retries the job (sent ones are skipped).</summary>
public sealed class MailNotSentException(string message) : Exception(message);
