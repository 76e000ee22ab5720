namespace Worker.Persistence;

/// <summary>Work a step implies, committed with it as a row of worker.follow_ups and relayed to Hangfire.</summary>
public enum FollowUp
{
    /// <summary>Create the approval steps and send the first link(s).</summary>
    StartApproval,
    /// <summary>Sign the approved document and file it in the archive.</summary>
    Sign,
    /// <summary>Copy the original into the route's declined/ folder with the reason beside it.</summary>
    FileDeclined,
    /// <summary>Deliver the outbox rows named on the follow-up.</summary>
    DeliverMail,
}
