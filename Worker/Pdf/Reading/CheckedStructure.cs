namespace Worker.Pdf.Reading;

/// <summary>What <see cref="StrictPreWalk"/> learned of a file it accepted.</summary>
internal sealed record CheckedStructure
{
    /// <summary>How many revisions the file has (a linearized file's first-page section does not count).</summary>
    public required int Revisions { get; init; }

    /// <summary>Every object number the trailer or an object reachable from it refers to, defined or not.</summary>
    public required IReadOnlySet<int> Referenced { get; init; }
}
