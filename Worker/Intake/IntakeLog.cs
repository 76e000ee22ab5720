namespace Worker.Intake;

/// <summary>Intake's lifecycle events; every document line carries {DocumentId} so its history can be followed in the log.</summary>
internal static partial class IntakeLog
{
    [LoggerMessage(LogLevel.Information, "Intake watching {RouteCount} inbox(es), rescanning every {RescanEvery}")]
    public static partial void Started(this ILogger logger, int routeCount, TimeSpan rescanEvery);

    [LoggerMessage(LogLevel.Information, "Intake stopped")]
    public static partial void Stopped(this ILogger logger);

    [LoggerMessage(LogLevel.Debug, "Claimed {SourceName} on route {Route} as document {DocumentId}")]
    public static partial void Claimed(this ILogger logger, Guid documentId, string route, string sourceName);

    [LoggerMessage(LogLevel.Debug, "{SourceName} on route {Route} was gone when claimed (another worker took it)")]
    public static partial void Vanished(this ILogger logger, string route, string sourceName);

    [LoggerMessage(LogLevel.Information, "Document {DocumentId} recorded as {State}: {SourceName}, {PageCount} page(s), \"{Title}\"")]
    public static partial void Recorded(this ILogger logger, Guid documentId, string state, string sourceName, int? pageCount, string title);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId} ({SourceName}) refused as {State}: {Reason}; filed to {FailedPath}")]
    public static partial void Refused(this ILogger logger, Guid documentId, string sourceName, string state, string reason, string failedPath);

    [LoggerMessage(LogLevel.Debug, "Document {DocumentId} handed to approval as job {JobId}")]
    public static partial void Enqueued(this ILogger logger, Guid documentId, string jobId);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId} was still Received with its approval job {JobId} missing or failed; enqueued again")]
    public static partial void Requeued(this ILogger logger, Guid documentId, string? jobId);

    [LoggerMessage(LogLevel.Warning, "Resuming the claim of document {DocumentId} ({SourceName}) left in .processing on route {Route}")]
    public static partial void Resuming(this ILogger logger, Guid documentId, string sourceName, string route);

    [LoggerMessage(LogLevel.Error, "Claim of document {DocumentId} ({SourceName}) failed; it stays in .processing and is retried at the next rescan")]
    public static partial void ClaimFailed(this ILogger logger, Exception exception, Guid documentId, string sourceName);

    [LoggerMessage(LogLevel.Error, "Could not take {Path}; it is retried at the next rescan")]
    public static partial void TakeFailed(this ILogger logger, Exception exception, string path);

    [LoggerMessage(LogLevel.Warning, "{Path} is a folder, not a file; intake leaves it alone")]
    public static partial void FolderIgnored(this ILogger logger, string path);

    [LoggerMessage(LogLevel.Warning, "Watcher on route {Route} lost events ({Reason}); rescanning the inbox")]
    public static partial void WatcherOverflow(this ILogger logger, string route, string reason);

    [LoggerMessage(LogLevel.Warning, "Inbox of route {Route} cannot be read: {Reason}")]
    public static partial void InboxUnreadable(this ILogger logger, string route, string reason);

    [LoggerMessage(LogLevel.Error, "Intake on route {Route} is paused: {Reason}")]
    public static partial void UnsafeFolder(this ILogger logger, string route, string reason);

    [LoggerMessage(LogLevel.Warning, "Claim {DocumentId} in .processing of route {Route} belongs to a document of another route; left alone")]
    public static partial void ForeignClaim(this ILogger logger, Guid documentId, string route);

    [LoggerMessage(LogLevel.Warning, "Document {DocumentId} ({SourceName}) was examined {Attempts} time(s) without a result; quarantined to failed/")]
    public static partial void Quarantined(this ILogger logger, Guid documentId, string sourceName, int attempts);

    [LoggerMessage(LogLevel.Error, "Claimed file of document {DocumentId} is its own original in the content store; not removed")]
    public static partial void ClaimIsOriginal(this ILogger logger, Guid documentId);
}
