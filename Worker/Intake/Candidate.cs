namespace Worker.Intake;

/// <summary>A file in an inbox that has stopped changing and may now be claimed.</summary>
/// <param name="Route">The route whose inbox holds it.</param>
/// <param name="Path">Its full path in the inbox.</param>
public sealed record Candidate(InboxRoute Route, string Path);
