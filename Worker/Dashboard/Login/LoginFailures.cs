using System.Collections.Concurrent;

namespace Worker.Dashboard.Login;

/// <summary>Recent login failures per key (a client or an account), forgotten after a window.</summary>
public sealed class LoginFailures(TimeProvider clock, TimeSpan window)
{
    // Beyond this many keys, stale ones are dropped, so a flood of addresses cannot grow the table without end.
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> failures = new();

    /// <summary>Failures of this key within the window.</summary>
    public int Count(string key) =>
        failures.TryGetValue(key, out var f) && clock.GetUtcNow() - f.Since < window ? f.Count : 0;

    public void Add(string key)
    {
        var now = clock.GetUtcNow();
        failures.AddOrUpdate(key, _ => (1, now), (_, f) => now - f.Since < window ? (f.Count + 1, f.Since) : (1, now));
        if (failures.Count > PruneAbove)
            foreach (var (k, f) in failures)
                if (now - f.Since >= window) failures.TryRemove(k, out _);
    }

    public void Clear(string key) => failures.TryRemove(key, out _);
}
