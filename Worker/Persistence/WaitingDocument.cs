namespace Worker.Persistence;

/// <summary>A document still in Received, and the job meant to hand it to approval.</summary>
/// <param name="Id">The document id.</param>
/// <param name="ApprovalJobId">The Hangfire job id, or null when none was enqueued.</param>
public sealed record WaitingDocument(Guid Id, string? ApprovalJobId);
