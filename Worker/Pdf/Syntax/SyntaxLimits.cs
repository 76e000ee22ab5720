namespace Worker.Pdf.Syntax;

/// <summary>Hard limits of the strict reader, so a hostile file costs bounded time and memory.</summary>
public sealed record SyntaxLimits
{
    /// <summary>Deepest nesting of arrays and dictionaries in one object.</summary>
    public int MaxNesting { get; init; } = 256;

    /// <summary>Longest string object, in bytes.</summary>
    public int MaxStringBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Most elements of one array or entries of one dictionary.</summary>
    public int MaxContainerItems { get; init; } = 1_000_000;

    /// <summary>Most cross-reference entries in all sections together (the classic xref table limit).</summary>
    public int MaxXrefEntries { get; init; } = 8_388_607;

    /// <summary>Most cross-reference sections in one /Prev chain.</summary>
    public int MaxXrefSections { get; init; } = 4096;

    /// <summary>Most bytes one stream may decode to.</summary>
    public int MaxDecodedStreamBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>The defaults.</summary>
    public static SyntaxLimits Default { get; } = new();
}
