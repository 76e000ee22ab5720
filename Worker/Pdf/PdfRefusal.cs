namespace Worker.Pdf;

/// <summary>Categories of refused input.</summary>
public enum PdfRefusal
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The file is not a PDF at all.</summary>
    NotPdf,

    /// <summary>The PDF is password-protected or otherwise encrypted.</summary>
    Encrypted,

    /// <summary>Truncated or broken beyond a usable cross-reference table and trailer.</summary>
    Damaged,

    /// <summary>The cross-reference data is not exact (wrong offsets, a broken /Prev chain): a rewrite may repair it, signing as found may not.</summary>
    NeedsRepair,

    /// <summary>The PDF has no pages to sign.</summary>
    NoPages,

    /// <summary>A certification signature forbids changes (DocMDP P=1).</summary>
    ChangesForbidden,

    /// <summary>The request does not fit the document (for example a page that does not exist).</summary>
    DoesNotFit,
}
