using Npgsql;

namespace Worker.Persistence;

/// <summary>An approver who approved, in the order of the route.</summary>
public sealed record SigningStep
{
    /// <summary>The step id.</summary>
    public required Guid Id { get; init; }
    /// <summary>Position in the route, from 0.</summary>
    public required int Position { get; init; }
    /// <summary>The approver's name, shown on the stamp and in the reason.</summary>
    public required string Name { get; init; }
    /// <summary>The approver's position (jabatan).</summary>
    public required string JobTitle { get; init; }
    /// <summary>The approver's email, for the audit trail.</summary>
    public required string Email { get; init; }
    /// <summary>Name of the signer profile under Worker:Signers.</summary>
    public required string Signer { get; init; }
    /// <summary>On a delegated step the deputy's NIP (blank when none was given), else null: the route's approver's NIP applies.</summary>
    public string? DeputyNip { get; init; }
    /// <summary>On a delegated step the deputy's pangkat/golongan (blank when none was given), else null.</summary>
    public string? DeputyRank { get; init; }

    internal const string Columns =
        "id, position, approver_name, approver_position, approver_email, signer, " +
        "CASE WHEN on_behalf_email IS NOT NULL THEN coalesce(deputy_nip, '') END, CASE WHEN on_behalf_email IS NOT NULL THEN coalesce(deputy_rank, '') END";

    /// <summary>Reads <see cref="Columns"/>.</summary>
    internal static SigningStep Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0), Position = r.GetInt32(1), Name = r.GetString(2), JobTitle = r.GetString(3), Email = r.GetString(4), Signer = r.GetString(5),
        DeputyNip = r.IsDBNull(6) ? null : r.GetString(6), DeputyRank = r.IsDBNull(7) ? null : r.GetString(7),
    };
}
