namespace Worker.Filing;

/// <summary>A file in a route's failed/ folder, as operators see it.</summary>
public sealed record RefusedFile
{
    /// <summary>Its name in failed/.</summary>
    public required string Name { get; init; }
    /// <summary>When it was put there (its last write).</summary>
    public required DateTime RefusedAt { get; init; }
    /// <summary>Why, from its reason file: Indonesian, then English; empty when there is no reason file.</summary>
    public required string Reason { get; init; }
}
