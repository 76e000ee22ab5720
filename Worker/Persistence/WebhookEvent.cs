namespace Worker.Persistence;

/// <summary>One state change of an API document, to be announced to its client.</summary>
/// <param name="Seq">Order of the events; one delivery job per event carries only this.</param>
/// <param name="EventId">Sent to the receiver so it can drop a repeat.</param>
/// <param name="DocumentId">The document that changed.</param>
/// <param name="Client">The API client that submitted it.</param>
/// <param name="State">The state it entered.</param>
/// <param name="At">When it entered it.</param>
/// <param name="DeliveredAt">When the receiver accepted it; null until then.</param>
public sealed record WebhookEvent(long Seq, Guid EventId, Guid DocumentId, string Client, string State, DateTimeOffset At, DateTimeOffset? DeliveredAt);
