namespace Worker.Api;

/// <summary>One approver of a document and what they decided.</summary>
/// <param name="Order">1 for the first approver.</param>
/// <param name="Name">The approver's name.</param>
/// <param name="Position">The approver's position (jabatan).</param>
/// <param name="State">Pending (not asked yet), Waiting, Approved, Rejected, Expired or Cancelled.</param>
/// <param name="AskedAt">When the approval link was sent.</param>
/// <param name="DecidedAt">When the approver approved or rejected.</param>
/// <param name="Reason">The approver's reason for rejecting.</param>
public sealed record ApiApprover(int Order, string Name, string Position, string State, DateTimeOffset? AskedAt, DateTimeOffset? DecidedAt, string? Reason);
