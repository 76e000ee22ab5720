using Npgsql;

namespace Worker.Persistence;

/// <summary>Adding follow-up rows inside the caller's transaction; the relay hands them to Hangfire once it commits.</summary>
internal static class FollowUpSql
{
    /// <summary>The channel a committed follow-up is announced on.</summary>
    public const string Channel = "worker_follow_ups";

    public static async Task AddAsync(
        NpgsqlConnection c, NpgsqlTransaction t, Guid documentId, FollowUp kind, IReadOnlyList<Guid> mail, DateTimeOffset at, CancellationToken ct)
    {
        await Sql.ExecuteAsync(c, t, ct,
            "INSERT INTO worker.follow_ups (document_id, kind, mail, created_at) VALUES ($1, $2, $3, $4)",
            documentId, kind.ToString(), mail.ToArray(), at);
        // Delivered at commit, and only then: the relay never sees a row that is not there yet.
        await Sql.ExecuteAsync(c, t, ct, $"SELECT pg_notify('{Channel}', '')");
    }
}
