namespace Worker.Persistence;

/// <summary>A committed follow-up whose Hangfire job is not enqueued yet.</summary>
/// <param name="Seq">Its row in worker.follow_ups.</param>
/// <param name="DocumentId">The document it is for.</param>
/// <param name="Kind">What to do.</param>
/// <param name="Mail">For <see cref="FollowUp.DeliverMail"/>: the outbox rows to deliver.</param>
public sealed record PendingFollowUp(long Seq, Guid DocumentId, FollowUp Kind, Guid[] Mail);
