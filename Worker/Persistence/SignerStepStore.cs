using Npgsql;

namespace Worker.Persistence;

/// <summary>The steps of one document as signing at approval sees them: every step, whatever its state, in route order.</summary>
public sealed class SignerStepStore(NpgsqlDataSource dataSource)
{
    /// <summary>All steps of the document, ordered by position.</summary>
    public async Task<IReadOnlyList<SigningStep>> StepsAsync(Guid documentId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Sql.ListAsync(connection, null, ct, SigningStep.Read,
            $"SELECT {SigningStep.Columns} FROM worker.approval_steps WHERE document_id = $1 ORDER BY position", documentId);
    }

    /// <summary>How many of the document's other steps (only those before <paramref name="beforePosition"/> when given) are not approved yet.</summary>
    public async Task<int> NotApprovedAsync(Guid documentId, Guid stepId, int? beforePosition, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT count(*) FROM worker.approval_steps
            WHERE document_id = $1 AND id <> $2 AND state <> $3 AND ($4::int IS NULL OR position < $4)
            """);
        command.Parameters.AddWithValue(documentId);
        command.Parameters.AddWithValue(stepId);
        command.Parameters.AddWithValue(StepState.Approved);
        command.Parameters.Add(new NpgsqlParameter { Value = beforePosition.HasValue ? beforePosition.Value : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }
}
