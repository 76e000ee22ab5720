namespace Worker.Configuration;

/// <summary>Where the visible stamp goes, in points from the bottom-left of the page as the reader sees it, and what goes with it.</summary>
public sealed class StampOptions
{
    /// <summary>The footnote under a document signed with a BSrE certificate, as the legal bureau expects it.</summary>
    public const string BsreFootnote =
        "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh " +
        "Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara (BSSN)";

    /// <summary>"last", or a page number starting at 1.</summary>
    public StampPage Page { get; set; } = StampPage.Last;
    /// <summary>Left edge of the fixed position.</summary>
    public double X { get; set; } = 360;
    /// <summary>Bottom edge of the fixed position.</summary>
    public double Y { get; set; } = 40;
    /// <summary>The stamp's width.</summary>
    public double Width { get; set; } = 200;
    /// <summary>The stamp's height; long text makes it grow up to twice this.</summary>
    public double Height { get; set; } = 80;
    /// <summary>Text the clerk types in the signature block (e.g. "#ttd#"); the stamp covers it there. Empty: always the fixed position.</summary>
    public string Anchor { get; set; } = "";
    /// <summary>The office (unit kerja) printed under the position, e.g. "Dinas Komunikasi dan Informatika"; empty leaves the line out.</summary>
    public string Office { get; set; } = "";
    /// <summary>The sentence at the foot of the stamped page; empty adds none (e.g. for keys not issued by BSrE).</summary>
    public string Footnote { get; set; } = BsreFootnote;
}
