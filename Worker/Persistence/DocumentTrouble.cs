namespace Worker.Persistence;

/// <summary>One document in trouble, as the operator mail names it.</summary>
/// <param name="Id">The document.</param>
/// <param name="Route">Its route.</param>
/// <param name="SourceName">The file name as dropped.</param>
/// <param name="Title">Its title.</param>
/// <param name="State">Its state.</param>
/// <param name="Error">The last error, if any.</param>
/// <param name="Since">When its state last changed.</param>
public sealed record DocumentTrouble(Guid Id, string Route, string SourceName, string Title, string State, string? Error, DateTimeOffset Since);
