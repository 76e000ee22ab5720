using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Approval;

/// <summary>
/// Turns <c>Worker:Delegations</c> into the delegations the stores route with. Configuration and the delegations table are
/// merged; on overlap for one official the table's row (an operator's later, explicit choice) wins.
/// </summary>
public static class DelegationBook
{
    public static ConfiguredDelegations Configured(WorkerOptions options)
    {
        var zone = options.OfficeHours.Zone();
        return new ConfiguredDelegations(options.Delegations.Select(d =>
        {
            var (start, end) = DelegationKinds.Window(DateOnly.Parse(d.From), DateOnly.Parse(d.To), zone);
            return new Delegation
            {
                ApproverEmail = d.Approver.Trim(), DeputyEmail = d.Deputy.Email.Trim(), DeputyName = d.Deputy.Name,
                DeputyPosition = d.Deputy.Position, DeputySigner = d.Deputy.Signer, DeputyNip = d.Deputy.Nip, DeputyRank = d.Deputy.Rank,
                Kind = DelegationKinds.Parse(d.Kind) ?? throw new InvalidOperationException($"unknown delegation kind '{d.Kind}'"),
                StartsAt = start, EndsAt = end, CreatedBy = "configuration",
            };
        }).ToList());
    }
}
