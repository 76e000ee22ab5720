using Npgsql;

namespace Worker.Persistence;

/// <summary>Routing a step to its official's deputy, inside the caller's transaction.</summary>
internal static class DelegationSql
{
    /// <summary>
    /// The delegation in force for <paramref name="approver"/> at <paramref name="at"/>: an operator's row first (it wins over
    /// configuration on overlap, so an operator can override the file at once), else a configured one. One hop only: a deputy's
    /// own deputy is never followed (chains are refused when set).
    /// </summary>
    public static async Task<Delegation?> InForceAsync(
        NpgsqlConnection c, NpgsqlTransaction? t, ConfiguredDelegations configured, string approver, DateTimeOffset at, CancellationToken ct) =>
        await Sql.FirstAsync(c, t, ct, Delegation.Read,
            $"""
            SELECT {Delegation.Columns} FROM worker.delegations
            WHERE lower(approver_email) = lower($1) AND starts_at <= $2 AND $2 < ends_at AND (ended_at IS NULL OR ended_at > $2)
            ORDER BY created_at DESC LIMIT 1
            """, approver, at)
        ?? configured.All.FirstOrDefault(d => string.Equals(d.ApproverEmail, approver, StringComparison.OrdinalIgnoreCase) && d.ActiveAt(at));

    /// <summary>
    /// Points the step at the deputy in force now (keeping the official in on_behalf_*), or back at the official when none is;
    /// returns the delegation used, or null.
    /// </summary>
    public static async Task<StepDelegation?> RouteAsync(
        NpgsqlConnection c, NpgsqlTransaction t, Guid stepId, ConfiguredDelegations configured, DateTimeOffset now, CancellationToken ct)
    {
        var official = await Sql.FirstAsync(c, t, ct, r => new { Email = r.GetString(0), Name = r.GetString(1), Position = r.GetString(2), Signer = r.GetString(3) },
            """
            SELECT coalesce(on_behalf_email, approver_email), coalesce(on_behalf_name, approver_name),
                   coalesce(on_behalf_position, approver_position), coalesce(on_behalf_signer, signer)
            FROM worker.approval_steps WHERE id = $1
            """, stepId) ?? throw new InvalidOperationException($"approval step {stepId} does not exist");
        if (await InForceAsync(c, t, configured, official.Email, now, ct) is not { } d)
        {
            await Sql.ExecuteAsync(c, t, ct,
                """
                UPDATE worker.approval_steps SET approver_email = $2, approver_name = $3, approver_position = $4, signer = $5,
                    on_behalf_email = NULL, on_behalf_name = NULL, on_behalf_position = NULL, on_behalf_signer = NULL,
                    delegation_kind = NULL, delegation_id = NULL, delegation_ends_at = NULL, deputy_nip = NULL, deputy_rank = NULL
                WHERE id = $1 AND on_behalf_email IS NOT NULL
                """, stepId, official.Email, official.Name, official.Position, official.Signer);
            return null;
        }
        await Sql.ExecuteAsync(c, t, ct,
            """
            UPDATE worker.approval_steps SET approver_email = $2, approver_name = $3, approver_position = $4, signer = $5,
                on_behalf_email = $6, on_behalf_name = $7, on_behalf_position = $8, on_behalf_signer = $9,
                delegation_kind = $10, delegation_id = $11, delegation_ends_at = $12, deputy_nip = $13, deputy_rank = $14
            WHERE id = $1
            """, stepId, d.DeputyEmail, d.DeputyName, d.PositionFor(official.Position), d.DeputySigner,
            official.Email, official.Name, official.Position, official.Signer, d.Kind, d.Id, d.Until, d.DeputyNip, d.DeputyRank);
        return new StepDelegation
        {
            OnBehalfEmail = official.Email, OnBehalfName = official.Name, OnBehalfPosition = official.Position, Kind = d.Kind, EndsAt = d.Until,
        };
    }

    /// <summary>On whose behalf the step's approver decides, or null when it is the official's own.</summary>
    public static Task<StepDelegation?> OfStepAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid stepId, CancellationToken ct) =>
        Sql.FirstAsync(c, t, ct, r => new StepDelegation
            {
                OnBehalfEmail = r.GetString(0), OnBehalfName = r.GetString(1), OnBehalfPosition = r.GetString(2), Kind = r.GetString(3),
                EndsAt = r.GetFieldValue<DateTimeOffset>(4),
            },
            """
            SELECT on_behalf_email, on_behalf_name, on_behalf_position, delegation_kind, delegation_ends_at
            FROM worker.approval_steps WHERE id = $1 AND on_behalf_email IS NOT NULL
            """, stepId);
}
