namespace Worker.Pdf.Checking;

/// <summary>How an incoming file was classified.</summary>
public enum PdfCheckOutcome
{
    /// <summary>A readable, unencrypted PDF with at least one page.</summary>
    Ok,

    /// <summary>Not a PDF.</summary>
    NotPdf,

    /// <summary>Zero bytes.</summary>
    Empty,

    /// <summary>Password-protected or encrypted.</summary>
    Encrypted,

    /// <summary>Truncated or broken.</summary>
    Damaged,

    /// <summary>Readable only after repairing its cross-reference data; never signed as found.</summary>
    NeedsRepair,

    /// <summary>A PDF without pages.</summary>
    NoPages,
}
