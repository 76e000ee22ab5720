namespace Worker.Pdf.Ltv;

/// <summary>How far a filed PDF is augmented for long-term validation (PAdES baseline levels).</summary>
public enum LtvLevel
{
    /// <summary>Left as signed (B-B or B-T).</summary>
    None,

    /// <summary>B-LT: a DSS with every certificate and an OCSP response or CRL for each.</summary>
    LT,

    /// <summary>B-LTA: the DSS, then a document timestamp over the whole file.</summary>
    LTA,
}
