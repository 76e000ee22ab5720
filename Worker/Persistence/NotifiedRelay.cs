using Npgsql;

namespace Worker.Persistence;

/// <summary>
/// The loop of a table relayed to Hangfire: wakes on the channel's NOTIFY and polls as well (a notification sent while it
/// reconnected is lost), and outlives a database restart, since the rows wait in their table.
/// </summary>
public static class NotifiedRelay
{
    /// <summary>Runs until <paramref name="ct"/> ends; <paramref name="drain"/> hands over every waiting row and returns how many.</summary>
    public static async Task RunAsync(NpgsqlDataSource dataSource, string channel, TimeSpan pollEvery, Func<CancellationToken, Task<int>> drain,
        Action<string, TimeSpan> databaseDown, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                wait = TimeSpan.FromSeconds(1);
                while (!ct.IsCancellationRequested)
                {
                    await drain(ct);
                    await connection.WaitAsync(pollEvery, ct);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
            {
                databaseDown(e.Message, wait);
                await Task.Delay(wait, ct);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
