using Npgsql;

namespace Worker.Persistence;

/// <summary>
/// What the runtime role may do once the owner role has migrated: use the worker's tables, but only read and add to the audit
/// trail. It owns nothing of ours, so it can neither disable the audit trigger nor cut the chain. Hangfire's schema and
/// Quartz's tables are created by the runtime role itself and stay its own.
/// </summary>
public static class RuntimeRoleGrants
{
    // CREATE on the worker schema: a runtime role named "worker" finds the schema first on its search path ("$user"), so
    // Quartz provisions its tables there; creating tables gives no right over the owner's, the audit table included.
    /// <summary>Applied after every migration run, so tables added by later scripts are covered too.</summary>
    public static async Task ApplyAsync(NpgsqlConnection owner, string runtimeRole, CancellationToken ct)
    {
        await using (var check = new NpgsqlCommand(
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'worker' AND tablename = 'audit_events'", owner))
        {
            if (await check.ExecuteScalarAsync(ct) is string tableOwner && tableOwner == runtimeRole)
                throw new InvalidOperationException(
                    $"the runtime role {runtimeRole} owns worker.audit_events, so it could rewrite the audit trail: " +
                    "make the migration role its owner (ALTER TABLE ... OWNER TO) or drop Worker:Database:MigrationConnectionString");
        }
        string database;
        await using (var name = new NpgsqlCommand("SELECT current_database()", owner))
            database = (string)(await name.ExecuteScalarAsync(ct))!;
        var r = Identifier(runtimeRole);
        await using var grants = new NpgsqlCommand(
            $"""
            GRANT CONNECT, CREATE ON DATABASE {Identifier(database)} TO {r};
            GRANT USAGE, CREATE ON SCHEMA public TO {r};
            GRANT USAGE, CREATE ON SCHEMA worker TO {r};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA worker TO {r};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA worker TO {r};
            REVOKE ALL ON worker.audit_events FROM {r};
            GRANT SELECT, INSERT ON worker.audit_events TO {r};
            REVOKE ALL ON worker.schema_versions FROM {r};
            GRANT SELECT ON worker.schema_versions TO {r};
            """, owner);
        await grants.ExecuteNonQueryAsync(ct);
    }

    // PostgreSQL's quoting of an identifier: double quotes, inner ones doubled; no name can break out of it.
    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
