namespace Worker.Persistence;

/// <summary>What the sign-and-file job needs to know about a document: a view of its <see cref="DocumentRecord"/> with its steps.</summary>
public sealed record SigningDocument
{
    /// <summary>The document id.</summary>
    public required Guid Id { get; init; }
    /// <summary>Its route's name.</summary>
    public required string Route { get; init; }
    /// <summary>Its state; the job acts on Approved (and Failed, when an operator retries).</summary>
    public required DocumentState State { get; init; }
    /// <summary>The dropped file's name, for the archive's {name}.</summary>
    public required string SourceName { get; init; }
    /// <summary>The original bytes in the content store.</summary>
    public required string ContentPath { get; init; }
    /// <summary>Title for notifications.</summary>
    public required string Title { get; init; }
    /// <summary>Who dropped or submitted it, if known (empty otherwise).</summary>
    public required string SubmitterEmail { get; init; }
    /// <summary>Where an earlier run put (or meant to put) the signed file.</summary>
    public string? SignedPath { get; init; }
    /// <summary>SHA-256 of that signed file.</summary>
    public string? SignedSha256 { get; init; }
    /// <summary>Approved steps in route order: who signs.</summary>
    public required IReadOnlyList<SigningStep> ApprovedSteps { get; init; }
    /// <summary>How many steps the route asked for; signing waits until all approved.</summary>
    public required int StepCount { get; init; }
}
