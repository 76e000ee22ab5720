using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.CrossReference;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Syntax;

namespace Worker.Pdf.Reading;

/// <summary>
/// Read-only view of a PDF's structure: PdfPig for objects, our own tail reading for what PdfPig hides
/// (the file's real <c>startxref</c> and the kind of its last section). Refuses files it cannot sign.
/// </summary>
public sealed class PdfStructure : IDisposable
{
    private readonly Stream _file;
    private readonly PdfDocument _document;
    private IReadOnlyList<PageInfo>? _pages;

    private PdfStructure(Stream file, PdfDocument document, LastXrefSection lastXref, CheckedStructure walked)
    {
        Revisions = walked.Revisions;
        _file = file;
        _document = document;
        LastXref = lastXref;
        var trailer = document.Structure.Trailer;
        Root = trailer.Root;
        Info = trailer.Info;
        Id = trailer.Identifier is { Count: 2 } id ? new ArrayToken(id.Cast<IToken>().ToList()) : null;
        var highest = document.Structure.CrossReferenceTable.ObjectOffsets.Keys.Select(k => k.ObjectNumber).DefaultIfEmpty(0).Max();
        NextObjectNumber = Math.Max(trailer.Size, highest + 1);
        DanglingNumbers = walked.Referenced.Where(n => n >= NextObjectNumber).Select(n => (long)n).ToHashSet();
        FileLength = file.Length;
        file.Position = FileLength - 1;
        EndsWithNewline = file.ReadByte() is '\n' or '\r';
    }

    /// <summary>How many revisions the strict reader found (a linearized file's first-page section does not count).</summary>
    public int Revisions { get; }

    /// <summary>Length of the file in bytes.</summary>
    public long FileLength { get; }

    /// <summary>Whether the last byte is an end-of-line, so an update can start right after it.</summary>
    public bool EndsWithNewline { get; }

    /// <summary>The newest cross-reference section, as the file's own <c>startxref</c> says.</summary>
    public LastXrefSection LastXref { get; }

    /// <summary>The trailer's /Root.</summary>
    public IndirectReference Root { get; }

    /// <summary>The trailer's /Info, when present.</summary>
    public IToken? Info { get; }

    /// <summary>The trailer's /ID pair, when present.</summary>
    public ArrayToken? Id { get; }

    /// <summary>The first object number an update may use (the trailer's /Size, or more if objects exceed it).</summary>
    public long NextObjectNumber { get; }

    /// <summary>
    /// Numbers from <see cref="NextObjectNumber"/> on that the file refers to without defining them ("6 0 R" with /Size 6):
    /// readers take such a reference as null, so an update that gave the number to a new object would change what it means.
    /// </summary>
    public IReadOnlySet<long> DanglingNumbers { get; }

    /// <summary>The document catalog.</summary>
    public DictionaryToken Catalog => _document.Structure.Catalog.CatalogDictionary;

    /// <summary>Every page in order, with inherited attributes applied.</summary>
    public IReadOnlyList<PageInfo> Pages => _pages ??=
        PageTreeWalker.Walk(this, Catalog.Data.GetValueOrDefault(NameToken.Pages.Data)
            ?? throw new PdfRefusedException(PdfRefusal.Damaged, "damaged PDF: the catalog has no /Pages"));

    /// <summary>
    /// The pages, or null when the page tree cannot be read; then <paramref name="problem"/> says why. For callers
    /// that can do without pages (an invisible signature) rather than refuse the file.
    /// </summary>
    public IReadOnlyList<PageInfo>? TryReadPages(out string? problem)
    {
        try
        {
            problem = null;
            return Pages;
        }
        catch (PdfRefusedException e) when (e.Kind == PdfRefusal.Damaged)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>The document title from /Info, if any.</summary>
    public string? Title => string.IsNullOrWhiteSpace(_document.Information.Title) ? null : _document.Information.Title;

    /// <summary>Every cross-reference section PdfPig read, newest first as PdfPig orders them.</summary>
    public IReadOnlyList<CrossReferenceTablePart> XrefParts => _document.Structure.CrossReferenceTable.Parts;

    /// <summary>Opens a file for reading; the stream stays owned by the caller and must stay open.</summary>
    public static PdfStructure Open(Stream file)
    {
        if (file.Length == 0)
            throw new PdfRefusedException(PdfRefusal.Empty, "empty file");
        var head = new byte[(int)Math.Min(1024, file.Length)];
        file.Position = 0;
        file.ReadExactly(head);
        if (Encoding.Latin1.GetString(head).IndexOf("%PDF-", StringComparison.Ordinal) < 0)
            throw new PdfRefusedException(PdfRefusal.NotPdf, "not a PDF: no %PDF- header");
        var lastXref = StartXrefLocator.Locate(file);
        // PdfPig repairs what it cannot find and recurses as deep as a file nests: it reads only what this walk accepted.
        var walked = StrictPreWalk.Check(file, SyntaxLimits.Default);
        PdfDocument document;
        try
        {
            file.Position = 0;
            document = PdfDocument.Open(file, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new PdfRefusedException(PdfRefusal.Encrypted, "encrypted PDF: remove the password protection before signing");
        }
        catch (Exception e) when (e is not PdfRefusedException)
        {
            // The library's message is for developers, not clerks: the reason stays plain.
            throw new PdfRefusedException(PdfRefusal.Damaged, "damaged PDF: its objects or cross-reference data cannot be read");
        }
        try
        {
            if (document.IsEncrypted || document.Structure.Trailer.EncryptionToken is not null)
                throw new PdfRefusedException(PdfRefusal.Encrypted, "encrypted PDF: remove the password protection before signing");
            return new PdfStructure(file, document, lastXref, walked);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The letters PdfPig reads from page <paramref name="index"/> (from 0) in content order, in unrotated user space.</summary>
    public IReadOnlyList<UglyToad.PdfPig.Content.Letter> Letters(int index) => _document.GetPage(index + 1).Letters;

    /// <summary>Follows indirect references until a direct object; null stays null.</summary>
    public IToken? Resolve(IToken? token)
    {
        for (var hops = 0; token is IndirectReferenceToken reference && hops < 32; hops++)
            token = GetObject(reference.Data);
        return token is NullToken ? null : token;
    }

    /// <summary>The current (newest) version of an indirect object, or null when it does not exist.</summary>
    public IToken? GetObject(IndirectReference reference)
    {
        try
        {
            return _document.Structure.GetObject(reference)?.Data;
        }
        catch (Exception e) when (e is InvalidOperationException or PdfDocumentFormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A dictionary entry resolved to a direct object.</summary>
    public IToken? Get(DictionaryToken dict, string key) => Resolve(dict.Data.GetValueOrDefault(key));

    /// <inheritdoc />
    public void Dispose() => _document.Dispose();
}
