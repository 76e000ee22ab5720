namespace Worker.Tests.Intake;

/// <summary>A document intake accepted: still Received, or already moved on by the approval hand-off running in the same host.</summary>
public static class Accepted
{
    public static readonly string[] States = ["Received", "AwaitingApproval"];

    public static void Assert(string state) => Xunit.Assert.Contains(state, States);
}
