namespace Worker.Persistence;

/// <summary>The states of an approval step, as stored in worker.approval_steps.state.</summary>
public static class StepState
{
    /// <summary>Not asked yet (a later approver of a sequential route).</summary>
    public const string Pending = "Pending";
    /// <summary>Asked: the link is sent or being sent.</summary>
    public const string Waiting = "Waiting";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string Expired = "Expired";
    /// <summary>No longer needed because another step ended the document.</summary>
    public const string Cancelled = "Cancelled";
}
