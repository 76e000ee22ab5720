using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Verification;

/// <summary>A filled signature field found in the form or through a page's widget annotations.</summary>
internal sealed record SignatureField
{
    /// <summary>Fully qualified field name.</summary>
    public required string Name { get; init; }

    /// <summary>The /V signature dictionary.</summary>
    public required DictionaryToken Signature { get; init; }

    /// <summary>The object number of the /V dictionary; null when /V is a direct dictionary.</summary>
    public long? SignatureObject { get; init; }

    /// <summary>Found only through a page's /Annots, not through /AcroForm /Fields.</summary>
    public bool OnlyInAnnotations { get; init; }

    /// <summary>Other fields whose /V is this same signature dictionary (or one with the same /ByteRange).</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];
}
