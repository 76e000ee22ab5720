using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Intake;

/// <summary>
/// Runs intake in this worker: recovers claims left by a crash, watches every inbox, waits for files to be stable,
/// and claims them a few at a time. Registered after the database start-up, so it starts last and stops first.
/// </summary>
public sealed class IntakeService(
    RouteBook book, IOptions<IntakeOptions> intakeOptions, IntakeSignals signals, IntakeProcessor processor, ClaimReconciler reconciler,
    TimeProvider clock, ILogger<IntakeService> logger) : BackgroundService
{
    // Claims overlap file copies, PDF parsing and database round trips; a few at a time keeps two cores busy.
    private static readonly int Parallelism = Math.Max(2, Environment.ProcessorCount * 2);

    private readonly HashSet<string> foldersReported = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var intake = intakeOptions.Value;
        var routes = book.All.SelectMany(InboxRoute.OpenAll).ToList();
        foreach (var route in routes) await reconciler.ReconcileAsync(route, stopping);

        var tracker = new StabilityTracker(intake.StableFor, clock);
        var ready = Channel.CreateUnbounded<Candidate>(new UnboundedChannelOptions { SingleWriter = true });
        var watchers = routes.Select(r => new InboxWatcher(r, signals, logger)).ToList();
        var workers = Enumerable.Range(0, Parallelism).Select(_ => Task.Run(() => ClaimAsync(ready.Reader, tracker, stopping))).ToList();
        logger.Started(routes.Count, intake.RescanEvery);
        signals.RequestRescan();
        try
        {
            await TrackAsync(routes, tracker, ready.Writer, intake.StableFor, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            foreach (var watcher in watchers) watcher.Dispose();
            ready.Writer.TryComplete();
            await Task.WhenAll(workers);
            logger.Stopped();
        }
    }

    private async Task TrackAsync(
        List<InboxRoute> routes, StabilityTracker tracker, ChannelWriter<Candidate> ready, TimeSpan stableFor, CancellationToken stopping)
    {
        // Often enough that a stable file waits at most a quarter of StableFor more; rarely enough to stay cheap.
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(stableFor.TotalMilliseconds / 4, 50, 1000));
        var lastPoll = DateTimeOffset.MinValue;
        while (!stopping.IsCancellationRequested)
        {
            if (signals.TakeRescan())
            {
                foreach (var route in routes) Scan(route, tracker);
                foreach (var route in routes) await reconciler.ReconcileAsync(route, stopping);
            }
            foreach (var seen in signals.Drain()) Observe(seen.Route, seen.Path, tracker);
            if (clock.GetUtcNow() - lastPoll >= tick)
            {
                foreach (var candidate in tracker.Poll()) ready.TryWrite(candidate);
                lastPoll = clock.GetUtcNow();
            }
            await signals.WaitAsync(tick, stopping);
        }
    }

    private async Task ClaimAsync(ChannelReader<Candidate> ready, StabilityTracker tracker, CancellationToken stopping)
    {
        try
        {
            await foreach (var candidate in ready.ReadAllAsync(stopping))
            {
                try
                {
                    // Not cancelled on shutdown: a claim takes moments, and finishing it beats leaving it for recovery.
                    await processor.TakeAsync(candidate, CancellationToken.None);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The file stays in the inbox or in .processing; the next rescan or recovery takes it up again.
                    logger.TakeFailed(e, candidate.Path);
                }
                finally
                {
                    tracker.Done(candidate);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down; unclaimed files stay in the inbox.
        }
    }

    private void Scan(InboxRoute route, StabilityTracker tracker)
    {
        try
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(route.Inbox)) Observe(route, path, tracker);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The route-folders health check reports it too; the next rescan tries again.
            logger.InboxUnreadable(route.Name, e.Message);
        }
    }

    private void Observe(InboxRoute route, string path, StabilityTracker tracker)
    {
        if (!route.Filter.Answers(Path.GetFileName(path))) return;
        // A unit's subfolder is an inbox of its own.
        if (route.UnitFolders.Contains(Path.GetFileName(path))) return;
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            if (foldersReported.Add(path)) logger.FolderIgnored(path);
            return;
        }
        tracker.Observe(route, path);
    }
}
