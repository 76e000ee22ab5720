namespace Worker.Intake;

/// <summary>A FileSystemWatcher on one inbox: it only says where to look; the rescan catches whatever it misses.</summary>
public sealed class InboxWatcher : IDisposable
{
    private readonly FileSystemWatcher watcher;

    public InboxWatcher(InboxRoute route, IntakeSignals signals, ILogger logger)
    {
        watcher = new FileSystemWatcher(route.Inbox)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
            // The largest buffer Windows allows; a burst beyond it raises Error, which rescans.
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => signals.Saw(route, e.FullPath);
        watcher.Changed += (_, e) => signals.Saw(route, e.FullPath);
        watcher.Renamed += (_, e) => signals.Saw(route, e.FullPath);
        watcher.Error += (_, e) =>
        {
            logger.WatcherOverflow(route.Name, e.GetException().Message);
            signals.RequestRescan();
        };
        watcher.EnableRaisingEvents = true;
    }

    public void Dispose() => watcher.Dispose();
}
