namespace Worker.Persistence;

/// <summary>A document already recorded with the same content on the same route.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="State">Its state when the duplicate arrived.</param>
public sealed record EarlierDocument(Guid Id, string Title, DocumentState State);
