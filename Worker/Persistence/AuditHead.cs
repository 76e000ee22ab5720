namespace Worker.Persistence;

/// <summary>The last audit event known to have been written: its sequence number and chain hash.</summary>
/// <param name="Seq">Sequence number of the event.</param>
/// <param name="Hash">Its chain hash.</param>
public sealed record AuditHead(long Seq, byte[] Hash);
