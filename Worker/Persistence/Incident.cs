namespace Worker.Persistence;

/// <summary>One operator incident whose mail (opening or recovery) a worker has taken to send.</summary>
/// <param name="Id">The row.</param>
/// <param name="Key">What it is about (document-failed:ID, route-folder:NAME, ...).</param>
/// <param name="Summary">What operators read, one or a few lines.</param>
/// <param name="OpenedAt">When it was first seen.</param>
/// <param name="ResolvedAt">When it recovered; null while open (the mail to send is then the opening one).</param>
public sealed record Incident(Guid Id, string Key, string Summary, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt);
