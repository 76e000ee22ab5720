namespace Worker.Persistence;

/// <summary>A stored audit event with its place in the chain.</summary>
/// <param name="Seq">Position in the chain.</param>
/// <param name="Event">What happened.</param>
public sealed record AuditEntry(long Seq, AuditEvent Event);
