namespace Worker.Persistence;

/// <summary>An event not yet handed to Hangfire, with what the dispatcher needs to keep a document's events in order.</summary>
/// <param name="Seq">The event.</param>
/// <param name="DocumentId">Its document.</param>
/// <param name="Client">The API client to tell.</param>
/// <param name="PreviousJobId">The delivery job of the document's previous event, if it had one.</param>
/// <param name="PreviousDelivered">Whether that previous event has been delivered.</param>
public sealed record PendingWebhookEvent(long Seq, Guid DocumentId, string Client, string? PreviousJobId, bool PreviousDelivered);
