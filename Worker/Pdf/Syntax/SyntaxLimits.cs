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

    /// <summary>Fewest file bytes per declared object (/Size, xref stream entries): a tiny file cannot hold millions of objects.</summary>
    public int MinBytesPerObject { get; init; } = 1;

    /// <summary>Below this many objects /Size is never judged against the file's length.</summary>
    public int ObjectsAlwaysAllowed { get; init; } = 4096;

    /// <summary>Most cross-reference sections in one /Prev chain.</summary>
    public int MaxXrefSections { get; init; } = 4096;

    /// <summary>Most bytes one stream may decode to.</summary>
    public int MaxDecodedStreamBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Most bytes the object streams of one revision may decode to together (they are kept while it is read).</summary>
    public long MaxObjectStreamBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most bytes the pre-walk may inflate in all (object streams kept, page contents counted and dropped).</summary>
    public long MaxTotalDecodedBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Most decoded bytes per encoded byte of one stream (deflate bombs reach about 1000).</summary>
    public int MaxInflationRatio { get; init; } = 250;

    /// <summary>A stream that decodes to fewer bytes than this is never refused for its ratio.</summary>
    public int InflationRatioFloorBytes { get; init; } = 1024 * 1024;

    /// <summary>Most objects the pre-walk visits (everything reachable from the trailer).</summary>
    public int MaxObjects { get; init; } = 1_000_000;

    /// <summary>Most objects being read at once (an indirect /Length inside an object stream inside ...).</summary>
    public int MaxReadDepth { get; init; } = 16;

    /// <summary>Deepest page tree (and name, field or outline tree) from its root.</summary>
    public int MaxTreeDepth { get; init; } = 64;

    /// <summary>Most nodes of one page, name, field or outline tree.</summary>
    public int MaxTreeNodes { get; init; } = 250_000;

    /// <summary>Longest the pre-walk of one file may take.</summary>
    public TimeSpan MaxWalkTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The defaults.</summary>
    public static SyntaxLimits Default { get; } = new();
}
