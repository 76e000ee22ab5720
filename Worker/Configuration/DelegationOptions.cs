namespace Worker.Configuration;

/// <summary>One entry of <c>Worker:Delegations</c>: an official's approvals go to a deputy from one date to another (WITA, both included).</summary>
public sealed class DelegationOptions
{
    /// <summary>The official's email, as the route's approver has it.</summary>
    public string Approver { get; set; } = "";
    /// <summary>Who signs instead.</summary>
    public DeputyOptions Deputy { get; set; } = new();
    /// <summary>First day of the window (yyyy-MM-dd, office time zone).</summary>
    public string From { get; set; } = "";
    /// <summary>Last day of the window (yyyy-MM-dd, office time zone), included.</summary>
    public string To { get; set; } = "";
    /// <summary><c>Plh</c>, <c>Plt</c> or <c>an</c> (see <see cref="DelegationKinds"/>).</summary>
    public string Kind { get; set; } = "";
}
