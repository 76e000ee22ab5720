namespace Worker.Persistence;

/// <summary>
/// The states of a document, stored by name in worker.documents.state (a CHECK constraint holds the same list). Which changes
/// are allowed, and which states are ended or final, is <see cref="Lifecycle"/>'s table.
/// </summary>
public enum DocumentState
{
    Received,
    AwaitingApproval,
    Approved,
    Filed,
    Declined,
    Expired,
    Invalid,
    Duplicate,
    Failed,
}
