using System.Collections.Concurrent;

namespace Worker.Intake;

/// <summary>What wakes intake up: paths from watcher events, and rescan requests (schedule, watcher overflow).</summary>
public sealed class IntakeSignals
{
    private readonly ConcurrentQueue<SeenFile> seen = new();
    private readonly SemaphoreSlim wake = new(0, 1);
    private int rescan;

    public void Saw(InboxRoute route, string path)
    {
        seen.Enqueue(new SeenFile(route, path));
        Wake();
    }

    public void RequestRescan()
    {
        Interlocked.Exchange(ref rescan, 1);
        Wake();
    }

    /// <summary>True once per request.</summary>
    public bool TakeRescan() => Interlocked.Exchange(ref rescan, 0) == 1;

    public List<SeenFile> Drain()
    {
        var list = new List<SeenFile>();
        while (seen.TryDequeue(out var file)) list.Add(file);
        return list;
    }

    /// <summary>Waits until something is signalled or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => wake.WaitAsync(timeout, ct);

    private void Wake()
    {
        try
        {
            if (wake.CurrentCount == 0) wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }
}
