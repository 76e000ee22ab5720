using static Worker.Persistence.DocumentState;

namespace Worker.Persistence;

/// <summary>
/// The one table of a document's states and their allowed changes (DESIGN.md: Lifecycle). Every state change goes through
/// <see cref="LifecycleSql"/>, which applies a row of this table with its audit event and follow-ups in one transaction.
/// </summary>
public static class Lifecycle
{
    public static readonly Transition Receive = New("receive", Received, "received", FollowUp.StartApproval);
    public static readonly Transition RefuseInvalid = New("refuse-invalid", Invalid, "invalid");
    public static readonly Transition MarkDuplicate = New("mark-duplicate", Duplicate, "duplicate");
    public static readonly Transition AskApprovers = Move("ask-approvers", [Received], AwaitingApproval, "approval-requested");
    public static readonly Transition FailWithoutRoute = Move("fail-without-route", [Received], Failed, "failed");
    public static readonly Transition Approve = Move("approve", [AwaitingApproval], Approved, "document-approved", FollowUp.Sign);
    public static readonly Transition Reject = Move("reject", [AwaitingApproval], Declined, "declined", FollowUp.FileDeclined);
    public static readonly Transition Expire = Move("expire", [AwaitingApproval], Expired, "expired", FollowUp.FileDeclined);
    public static readonly Transition File = Move("file", [Approved], Filed, "filed") with { ClearsError = true };
    public static readonly Transition FailSigning = Move("fail-signing", [Approved], Failed, "failed");
    public static readonly Transition Cancel =
        Move("cancel", [Received, AwaitingApproval, Failed], Declined, "cancelled", FollowUp.FileDeclined) with { ByOperator = true };
    public static readonly Transition RetrySigning =
        Move("retry-signing", [Failed, Approved], Approved, "retry-requested", FollowUp.Sign) with { ByOperator = true };
    public static readonly Transition ResumeRequeued =
        Move("resume-requeued", [Failed], Approved, "retry-requested") with { ByOperator = true };
    public static readonly Transition RetryHandOff = Move("retry-hand-off", [Received], Received, "retry-requested", FollowUp.StartApproval);
    public static readonly Transition RefileDeclined = Move("refile-declined", [Declined], Declined, "refile-requested", FollowUp.FileDeclined);
    public static readonly Transition RefileExpired = Move("refile-expired", [Expired], Expired, "refile-requested", FollowUp.FileDeclined);

    /// <summary>Every allowed change; anything not listed is forbidden.</summary>
    public static readonly IReadOnlyList<Transition> All =
    [
        Receive, RefuseInvalid, MarkDuplicate, AskApprovers, FailWithoutRoute, Approve, Reject, Expire, File, FailSigning, Cancel,
        RetrySigning, ResumeRequeued, RetryHandOff, RefileDeclined, RefileExpired,
    ];

    /// <summary>States nothing moves on by itself: only an operator can change them (Failed) or nobody can.</summary>
    public static readonly IReadOnlySet<DocumentState> Ended =
        Enum.GetValues<DocumentState>().Where(s => !All.Any(t => t.From.Contains(s) && t.To != s && !t.ByOperator)).ToHashSet();

    /// <summary>States a document never leaves.</summary>
    public static readonly IReadOnlySet<DocumentState> Final =
        Enum.GetValues<DocumentState>().Where(s => !All.Any(t => t.From.Contains(s) && t.To != s)).ToHashSet();

    /// <summary>Whether <paramref name="transition"/> may be applied to a document in <paramref name="state"/> (null: not recorded yet).</summary>
    public static bool Allows(Transition transition, DocumentState? state) =>
        state is { } s ? transition.From.Contains(s) : transition.From.Count == 0;

    /// <summary>The state stored under <paramref name="name"/>; the CHECK constraint keeps anything else out of the table.</summary>
    public static DocumentState Parse(string name) => Enum.Parse<DocumentState>(name, ignoreCase: false);

    private static Transition New(string name, DocumentState to, string action, params FollowUp[] followUps) =>
        new() { Name = name, From = [], To = to, AuditAction = action, FollowUps = followUps };

    private static Transition Move(string name, DocumentState[] from, DocumentState to, string action, params FollowUp[] followUps) =>
        new() { Name = name, From = from, To = to, AuditAction = action, FollowUps = followUps };
}
