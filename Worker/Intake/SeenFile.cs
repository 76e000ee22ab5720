namespace Worker.Intake;

/// <summary>A path that a watcher event or a rescan pointed at; it may be anything until looked at.</summary>
/// <param name="Route">The route whose inbox it is in.</param>
/// <param name="Path">Its full path.</param>
public sealed record SeenFile(InboxRoute Route, string Path);
