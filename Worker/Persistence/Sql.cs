using Npgsql;

namespace Worker.Persistence;

/// <summary>Short-hands for positional-parameter commands; keeps the stores about their SQL.</summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlConnection c, NpgsqlTransaction? t, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, c, t);
        foreach (var v in values) command.Parameters.Add(new NpgsqlParameter { Value = Db(v) });
        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct, string sql, params object?[] values)
    {
        await using var command = Command(c, t, sql, values);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<T>> ListAsync<T>(
        NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct, Func<NpgsqlDataReader, T> read, string sql, params object?[] values)
    {
        await using var command = Command(c, t, sql, values);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct)) list.Add(read(reader));
        return list;
    }

    public static async Task<T?> FirstAsync<T>(
        NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct, Func<NpgsqlDataReader, T> read, string sql, params object?[] values)
        where T : class =>
        (await ListAsync(c, t, ct, read, sql, values)).FirstOrDefault();

    // Npgsql writes timestamptz only from UTC values.
    private static object Db(object? v) => v switch
    {
        null => DBNull.Value,
        DateTimeOffset d => d.ToUniversalTime(),
        _ => v,
    };
}
