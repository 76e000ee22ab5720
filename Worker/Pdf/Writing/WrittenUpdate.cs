namespace Worker.Pdf.Writing;

/// <summary>What an incremental update wrote after the original bytes.</summary>
public sealed record WrittenUpdate
{
    /// <summary>Total length of the file after the update.</summary>
    public required long FileLength { get; init; }

    /// <summary>Absolute positions of the reserved holes, by name.</summary>
    public required IReadOnlyDictionary<string, ReservedRange> Reserved { get; init; }

    /// <summary>Offset of the new cross-reference section (the new <c>startxref</c>).</summary>
    public required long XrefOffset { get; init; }
}
