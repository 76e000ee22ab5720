namespace Worker.Api;

/// <summary>The 202 answer to a submission.</summary>
/// <param name="Id">The new document's id.</param>
/// <param name="Status">Where to follow it: <c>/api/documents/{id}</c>.</param>
public sealed record SubmittedDocument(Guid Id, string Status);
