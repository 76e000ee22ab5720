using Worker.Pdf;

namespace Worker.Cli;

/// <summary>The one stderr line of a refused file: Indonesian first, then " / " and the English reason with its detail.</summary>
public static class RefusalLine
{
    /// <summary>The line for a file the PDF engine refused.</summary>
    public static string For(string file, PdfRefusedException refusal) =>
        // A few reasons (the stamp that does not fit) are written in both languages already.
        refusal.Message.Contains(" / ", StringComparison.Ordinal)
            ? $"{file}: ditolak / refused: {OneLine(refusal.Message)}"
            : $"{file}: ditolak: {Indonesian(refusal.Kind)} / refused: {OneLine(refusal.Message)}";

    /// <summary>The line for a file that does not exist.</summary>
    public static string NotFound(string file) => $"{file}: ditolak: berkas tidak ditemukan / refused: file not found";

    private static string Indonesian(PdfRefusal kind) => kind switch
    {
        PdfRefusal.Empty => "berkas kosong (0 byte)",
        PdfRefusal.NotPdf => "berkas ini bukan PDF",
        PdfRefusal.Encrypted => "PDF ini dikunci dengan kata sandi atau dienkripsi; simpan ulang tanpa kata sandi",
        PdfRefusal.Damaged => "PDF ini rusak dan tidak dapat dibaca",
        PdfRefusal.NeedsRepair => "PDF ini rusak: data rujukan silangnya (xref) perlu diperbaiki",
        PdfRefusal.NoPages => "PDF ini tidak memiliki halaman",
        PdfRefusal.ChangesForbidden => "dokumen ini disertifikasi tanpa izin perubahan (DocMDP P=1)",
        PdfRefusal.DoesNotFit => "permintaan ini tidak sesuai dengan dokumennya",
        _ => "PDF ini tidak dapat ditandatangani",
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
