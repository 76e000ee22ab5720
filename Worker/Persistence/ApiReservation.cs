namespace Worker.Persistence;

/// <summary>What an Idempotency-Key stands for: the document id chosen by its first request, and that request's answer once given.</summary>
/// <param name="DocumentId">The id every request with this key submits as, so a retry can never make a second document.</param>
/// <param name="Fingerprint">SHA-256 of every field of the first request (route, file, name, title, number, submitter, note).</param>
/// <param name="StatusCode">The HTTP status of the first answer; null while it is being worked out (or its request died).</param>
/// <param name="Response">The JSON body of the first answer.</param>
public sealed record ApiReservation(Guid DocumentId, string Fingerprint, int? StatusCode, string? Response);
