namespace Worker.Dashboard;

/// <summary>The operator actions the dashboard posts.</summary>
public enum OperatorCommand
{
    /// <summary>Sign a Failed document again, or hand a stuck Received one to approval again.</summary>
    Retry,
    /// <summary>Send the waiting approver a new link.</summary>
    Resend,
    /// <summary>End an open document as Declined with a reason.</summary>
    Cancel,
}
