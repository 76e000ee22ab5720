namespace Worker.Persistence;

/// <summary>The first place where the audit chain does not hold.</summary>
/// <param name="Seq">Sequence number of the first bad event.</param>
/// <param name="CheckedBefore">How many events before it were intact.</param>
/// <param name="Reason">What does not match.</param>
public sealed record AuditBreak(long Seq, long CheckedBefore, string Reason);
