namespace Worker.Pdf.Writing;

/// <summary>Where a <see cref="ReservedBytesToken"/> was written in the output file.</summary>
public sealed record ReservedRange
{
    /// <summary>Absolute offset of the first reserved byte.</summary>
    public required long Offset { get; init; }

    /// <summary>Number of reserved bytes.</summary>
    public required int Length { get; init; }
}
