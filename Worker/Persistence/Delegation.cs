using Npgsql;

namespace Worker.Persistence;

/// <summary>An official's deputy for a window of time, from configuration (no id) or from worker.delegations.</summary>
public sealed record Delegation
{
    /// <summary>The row's id; null for one from <c>Worker:Delegations</c>.</summary>
    public Guid? Id { get; init; }
    /// <summary>The official's email.</summary>
    public required string ApproverEmail { get; init; }
    /// <summary>Where the deputy's links go.</summary>
    public required string DeputyEmail { get; init; }
    /// <summary>The deputy's name, as the stamp shows it.</summary>
    public required string DeputyName { get; init; }
    /// <summary>The deputy's own position (jabatan).</summary>
    public required string DeputyPosition { get; init; }
    /// <summary>The deputy's signer profile under Worker:Signers.</summary>
    public required string DeputySigner { get; init; }
    /// <summary>The deputy's NIP, or empty.</summary>
    public string DeputyNip { get; init; } = "";
    /// <summary>The deputy's pangkat/golongan, or empty.</summary>
    public string DeputyRank { get; init; } = "";
    /// <summary>Plh, Plt or an.</summary>
    public required string Kind { get; init; }
    /// <summary>First instant of the window.</summary>
    public required DateTimeOffset StartsAt { get; init; }
    /// <summary>First instant after the window as planned.</summary>
    public required DateTimeOffset EndsAt { get; init; }
    /// <summary>When an operator ended it early, if they did.</summary>
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Who set it: an operator's name, or "configuration".</summary>
    public required string CreatedBy { get; init; }
    /// <summary>Who ended it early.</summary>
    public string? EndedBy { get; init; }

    /// <summary>When it stops routing: the planned end, or the early end when that came first.</summary>
    public DateTimeOffset Until => EndedAt is { } ended && ended < EndsAt ? ended : EndsAt;

    /// <summary>True while requests go to the deputy.</summary>
    public bool ActiveAt(DateTimeOffset at) => StartsAt <= at && at < Until;

    /// <summary>The position the stamp shows: "Plh. Kepala Dinas …", "Plt. …", or "a.n. Kepala Dinas …, Sekretaris".</summary>
    public string PositionFor(string officialPosition) => Kind switch
    {
        "Plh" => $"Plh. {officialPosition}",
        "Plt" => $"Plt. {officialPosition}",
        _ => DeputyPosition.Length > 0 ? $"a.n. {officialPosition}, {DeputyPosition}" : $"a.n. {officialPosition}",
    };

    internal const string Columns =
        "id, approver_email, deputy_email, deputy_name, deputy_position, deputy_signer, deputy_nip, deputy_rank, kind, " +
        "starts_at, ends_at, ended_at, created_by, ended_by";

    internal static Delegation Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        ApproverEmail = r.GetString(1),
        DeputyEmail = r.GetString(2),
        DeputyName = r.GetString(3),
        DeputyPosition = r.GetString(4),
        DeputySigner = r.GetString(5),
        DeputyNip = r.GetString(6),
        DeputyRank = r.GetString(7),
        Kind = r.GetString(8),
        StartsAt = r.GetFieldValue<DateTimeOffset>(9),
        EndsAt = r.GetFieldValue<DateTimeOffset>(10),
        EndedAt = r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11),
        CreatedBy = r.GetString(12),
        EndedBy = r.IsDBNull(13) ? null : r.GetString(13),
    };
}
