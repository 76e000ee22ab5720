namespace Worker.Persistence;

/// <summary>One approver's step of a document, as the API shows it.</summary>
/// <param name="Position">1 for the first approver.</param>
/// <param name="Name">The approver's name.</param>
/// <param name="Email">The approver's address.</param>
/// <param name="JobTitle">The approver's position (jabatan).</param>
/// <param name="State">Pending, Waiting, Approved, Rejected, Expired or Cancelled.</param>
/// <param name="AskedAt">When the link was sent.</param>
/// <param name="DecidedAt">When the approver decided.</param>
/// <param name="Reason">Why the approver rejected it.</param>
public sealed record ApiStepRecord(
    int Position, string Name, string Email, string JobTitle, string State, DateTimeOffset? AskedAt, DateTimeOffset? DecidedAt, string? Reason);
