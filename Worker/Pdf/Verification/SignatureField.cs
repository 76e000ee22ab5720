using UglyToad.PdfPig.Tokens;

namespace Worker.Pdf.Verification;

/// <summary>A filled signature field found in the form.</summary>
internal sealed record SignatureField
{
    /// <summary>Fully qualified field name.</summary>
    public required string Name { get; init; }

    /// <summary>The /V signature dictionary.</summary>
    public required DictionaryToken Signature { get; init; }
}
