using Microsoft.Extensions.Options;
using Worker.Approval;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Operators;

/// <summary>Setting, ending and listing deputies, from the dashboard or the command line; each change is an audit event.</summary>
public sealed partial class DelegationActions(
    DelegationStore store, ConfiguredDelegations configured, RouteBook routes, SignerProfiles signers,
    IOptions<OfficeHoursOptions> officeHours, TimeProvider clock, ILogger<DelegationActions> logger)
{
    /// <summary>Checks the request by the rules configuration obeys, then records it; requests already sent keep their approver.</summary>
    public async Task<OperatorResult> SetAsync(DelegationRequest r, OperatorIdentity who, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new List<string>();
        if (!r.Approver.Contains('@')) errors.Add($"approver: '{r.Approver}' is not an email address");
        if (!r.DeputyEmail.Contains('@')) errors.Add($"deputy email: '{r.DeputyEmail}' is not an email address");
        if (string.IsNullOrWhiteSpace(r.DeputyName)) errors.Add("deputy name: must not be empty (the stamp shows it)");
        if (!signers.ContainsKey(r.DeputySigner.Trim())) errors.Add($"deputy signer: '{r.DeputySigner}' is not a signer under {WorkerOptions.Section}:Signers");
        var kind = DelegationKinds.Parse(r.Kind);
        if (kind is null) errors.Add($"kind: '{r.Kind}' must be Plh, Plt or an");
        var from = DelegationOptionsValidator.Day(errors, "from", r.From);
        var to = DelegationOptionsValidator.Day(errors, "to", r.To);
        if (from is { } f && to is { } t && t < f) errors.Add($"to: {r.To} is before from {r.From}");
        if (errors.Count > 0) return OperatorResult.NotAllowed(errors[0]);

        var (start, end) = DelegationKinds.Window(from!.Value, to!.Value, officeHours.Value.Zone());
        if (end <= now) return OperatorResult.NotAllowed($"to: {r.To} is already over");
        var candidate = new DelegationSpan { Approver = r.Approver.Trim(), Deputy = r.DeputyEmail.Trim(), Start = start, End = end, Label = "new" };
        // A row here wins over the file for the same official, so only the file's other officials can make a chain with it.
        var others = (await store.ListAsync(now, ct)).Select(d => Span(d, $"delegation {d.Id}"))
            .Concat(configured.All.Where(d => !Same(d.ApproverEmail, candidate.Approver)).Select(d => Span(d, "Worker:Delegations")));
        if (DelegationConflicts.Find(candidate, others) is { } conflict) return OperatorResult.NotAllowed(conflict);

        var id = await store.AddAsync(new Delegation
        {
            ApproverEmail = candidate.Approver, DeputyEmail = candidate.Deputy, DeputyName = r.DeputyName.Trim(), DeputyPosition = r.DeputyPosition.Trim(),
            DeputySigner = r.DeputySigner.Trim(), DeputyNip = r.Nip.Trim(), DeputyRank = r.Rank.Trim(), Kind = kind!, StartsAt = start, EndsAt = end,
            CreatedBy = who.Name,
        }, who.Source, now, ct);
        LogSet(id, candidate.Approver, candidate.Deputy, who.Name);
        return OperatorResult.Done($"delegation {id}: {kind} {candidate.Deputy} for {candidate.Approver} from {r.From} to {r.To} (WITA, both days included)");
    }

    /// <summary>Ends a delegation now: new requests go to the official, and the deputy's waiting links are replaced by the official's.</summary>
    public async Task<OperatorResult> EndAsync(Guid id, OperatorIdentity who, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await store.EndAsync(id, who.Name, who.Source, now, ct) is not { } steps)
            return new OperatorResult { Outcome = OperatorOutcome.NotFound, Message = $"no delegation {id} in force or planned" };
        var handedBack = 0;
        foreach (var (stepId, routeName) in steps)
        {
            var expiry = routes.Find(routeName)?.ApprovalExpiry ?? TimeSpan.FromDays(3);
            if (await store.HandBackAsync(stepId, expiry, now, ct) is not null) handedBack++;
        }
        LogEnded(id, who.Name, handedBack);
        return OperatorResult.Done($"delegation {id} ended; {handedBack} waiting request(s) sent back to the official");
    }

    /// <summary>Delegations in force or planned: the table's, then the configured ones, with where each comes from.</summary>
    public async Task<IReadOnlyList<(string Source, Delegation Delegation)>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return (await store.ListAsync(now, ct)).Select(d => ("operator", d))
            .Concat(configured.All.Where(d => d.Until > now).Select(d => ("configuration", d))).ToList();
    }

    private static DelegationSpan Span(Delegation d, string label) =>
        new() { Approver = d.ApproverEmail, Deputy = d.DeputyEmail, Start = d.StartsAt, End = d.Until, Label = label };

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(LogLevel.Information, "Delegation {Id} set: {Deputy} for {Approver}, by {SetBy}")]
    private partial void LogSet(Guid id, string approver, string deputy, string setBy);

    [LoggerMessage(LogLevel.Information, "Delegation {Id} ended by {EndedBy}; {HandedBack} request(s) back to the official")]
    private partial void LogEnded(Guid id, string endedBy, int handedBack);
}
