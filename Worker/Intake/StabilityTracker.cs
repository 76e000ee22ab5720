namespace Worker.Intake;

/// <summary>
/// Remembers inbox files until their size and time have stayed the same for StableFor and they open exclusively,
/// so a copy still arriving (over SMB, in pieces) is never taken half-way. Thread-safe.
/// </summary>
public sealed class StabilityTracker(TimeSpan stableFor, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (InboxRoute Route, FileSnapshot Snapshot, DateTimeOffset Since)> pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> inFlight = new(StringComparer.Ordinal);

    /// <summary>Starts watching a file, unless it is already watched or being claimed.</summary>
    public void Observe(InboxRoute route, string path)
    {
        lock (gate)
        {
            if (pending.ContainsKey(path) || inFlight.Contains(path)) return;
            var snapshot = FileSnapshot.Take(path);
            if (snapshot is not null) pending[path] = (route, snapshot, clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Looks again at each watched file that has been unchanged for StableFor since it was last seen; returns those
    /// still unchanged (same size and time) and free, which stay out of watch until <see cref="Done"/>.
    /// </summary>
    public List<Candidate> Poll()
    {
        var ready = new List<Candidate>();
        var now = clock.GetUtcNow();
        lock (gate)
        {
            // Only files due for a second look are touched: a burst of a thousand files costs two looks each, not one per tick.
            foreach (var (path, entry) in pending.Where(p => now - p.Value.Since >= stableFor).ToList())
            {
                var snapshot = FileSnapshot.Take(path);
                if (snapshot is null)
                {
                    pending.Remove(path);
                    continue;
                }
                if (snapshot != entry.Snapshot)
                {
                    // Written to since the last look: wait StableFor again from now.
                    pending[path] = (entry.Route, snapshot, now);
                    continue;
                }
                var access = snapshot.IsLink || snapshot.Size == 0 ? Access.Free : TryExclusive(path);
                if (access == Access.Busy) continue;
                pending.Remove(path);
                inFlight.Add(path);
                ready.Add(new Candidate(entry.Route, path));
            }
        }
        return ready;
    }

    /// <summary>The claim of a ready file has ended, whatever its outcome.</summary>
    public void Done(Candidate candidate)
    {
        lock (gate) inFlight.Remove(candidate.Path);
    }

    private enum Access { Free, Busy }

    // Opened without following a link or waiting on a pipe (it may have been swapped since the look), then an exclusive
    // flock, as .NET's FileShare.None takes it: a file still held by a writer waits for the next poll.
    private static Access TryExclusive(string path)
    {
        try
        {
            using var handle = Worker.Filing.UnixFile.OpenNoFollow(path);
            return Worker.Filing.UnixFile.TryLockExclusive(handle) ? Access.Free : Access.Busy;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or Worker.Filing.RefusedFileException)
        {
            // Claimed all the same: examining it refuses it, and the clerk is told why in failed/.
            return Access.Free;
        }
        catch (IOException)
        {
            // It just vanished, or cannot be opened right now: look again on the next poll.
            return Access.Busy;
        }
    }
}
