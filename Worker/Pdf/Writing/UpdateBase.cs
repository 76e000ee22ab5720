using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;

namespace Worker.Pdf.Writing;

/// <summary>What an incremental update needs to know about the file it extends.</summary>
public sealed record UpdateBase
{
    /// <summary>Length of the original file; the update starts here.</summary>
    public required long FileLength { get; init; }

    /// <summary>Whether the original ends with an end-of-line byte.</summary>
    public required bool EndsWithNewline { get; init; }

    /// <summary>The original's newest xref section: becomes /Prev, and its kind is the kind we write.</summary>
    public required LastXrefSection LastXref { get; init; }

    /// <summary>First free object number.</summary>
    public required long NextObjectNumber { get; init; }

    /// <summary>Numbers from <see cref="NextObjectNumber"/> on that the original refers to without defining them: never given out.</summary>
    public IReadOnlySet<long> DanglingNumbers { get; init; } = new HashSet<long>();

    /// <summary>Trailer /Root to keep.</summary>
    public required IndirectReference Root { get; init; }

    /// <summary>Trailer /Info to keep, if any.</summary>
    public IToken? Info { get; init; }

    /// <summary>Trailer /ID to keep, if any.</summary>
    public ArrayToken? Id { get; init; }

    /// <summary>Takes the values from a structure just read.</summary>
    public static UpdateBase From(PdfStructure pdf) => new()
    {
        FileLength = pdf.FileLength,
        EndsWithNewline = pdf.EndsWithNewline,
        LastXref = pdf.LastXref,
        NextObjectNumber = pdf.NextObjectNumber,
        DanglingNumbers = pdf.DanglingNumbers,
        Root = pdf.Root,
        Info = pdf.Info,
        Id = pdf.Id,
    };
}
