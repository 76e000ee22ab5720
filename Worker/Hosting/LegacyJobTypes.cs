using Hangfire.Common;

namespace Worker.Hosting;

/// <summary>
/// Hangfire stores each job's type by name ("Worker.Approval.ISigningStarter, Worker"); a job enqueued before its type moved
/// to another folder must still run after an upgrade, so the old names resolve to where the types live now.
/// </summary>
public static class LegacyJobTypes
{
    private static readonly Dictionary<string, string> Moved = new(StringComparer.Ordinal)
    {
        // Approval's hand-off contract moved to Signing, which implements it (issue 17: Approval no longer the kernel).
        ["Worker.Approval.ISigningStarter, Worker"] = "Worker.Signing.ISigningStarter, Worker",
        // The outbox delivery job (every kind of mail) moved to Notifications.
        ["Worker.Approval.ApprovalMailJob, Worker"] = "Worker.Notifications.ApprovalMailJob, Worker",
    };

    /// <summary>The type a stored name means today; names that never moved resolve as Hangfire always did.</summary>
    public static Type Resolve(string storedName) =>
        TypeHelper.DefaultTypeResolver(Moved.TryGetValue(storedName, out var now) ? now : storedName);
}
