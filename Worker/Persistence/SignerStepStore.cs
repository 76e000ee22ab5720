using Npgsql;

namespace Worker.Persistence;

/// <summary>The steps of one document as signing at approval sees them: every step, whatever its state, in route order.</summary>
public sealed class SignerStepStore(NpgsqlDataSource dataSource)
{
    /// <summary>All steps of the document, ordered by position.</summary>
    public async Task<IReadOnlyList<SigningStep>> StepsAsync(Guid documentId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT id, position, approver_name, approver_position, approver_email, signer FROM worker.approval_steps
            WHERE document_id = $1 ORDER BY position
            """, connection);
        command.Parameters.AddWithValue(documentId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var steps = new List<SigningStep>();
        while (await reader.ReadAsync(ct))
            steps.Add(new SigningStep
            {
                Id = reader.GetGuid(0), Position = reader.GetInt32(1), Name = reader.GetString(2), JobTitle = reader.GetString(3),
                Email = reader.GetString(4), Signer = reader.GetString(5),
            });
        return steps;
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
