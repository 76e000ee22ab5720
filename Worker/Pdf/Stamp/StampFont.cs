namespace Worker.Pdf.Stamp;

/// <summary>The two standard fonts the stamp draws with.</summary>
internal enum StampFont
{
    /// <summary>Helvetica, resource /F1.</summary>
    Regular,

    /// <summary>Helvetica-Bold, resource /F2.</summary>
    Bold,
}
