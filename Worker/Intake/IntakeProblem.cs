namespace Worker.Intake;

/// <summary>Why intake refuses a file, in the clerk's language and in English.</summary>
/// <param name="Indonesian">The reason in Indonesian.</param>
/// <param name="English">The same reason in English.</param>
public sealed record IntakeProblem(string Indonesian, string English)
{
    public static readonly IntakeProblem Empty = new("Berkas kosong (0 byte).", "The file is empty (0 bytes).");

    public static readonly IntakeProblem NotPdf = new(
        "Berkas ini bukan PDF (tidak diawali dengan %PDF-).", "The file is not a PDF (it does not start with %PDF-).");

    public static readonly IntakeProblem Encrypted = new(
        "PDF ini dikunci dengan kata sandi atau dienkripsi; simpan ulang tanpa kata sandi lalu kirim lagi.",
        "The PDF is password-protected or encrypted; save it again without a password and drop it again.");

    public static readonly IntakeProblem NoPages = new("PDF ini tidak memiliki halaman.", "The PDF has no pages.");

    public static readonly IntakeProblem Symlink = new(
        "Tautan simbolik (symlink) ditolak: berkas tujuannya dapat berubah setelah diperiksa. Salin berkas aslinya ke folder ini.",
        "A symbolic link is refused: the file it points to may change after it was checked. Copy the real file into this folder.");

    public static readonly IntakeProblem NotRegular = new(
        "Ini bukan berkas biasa (misalnya pipe atau perangkat).", "This is not a regular file (for example a pipe or a device).");

    public static IntakeProblem Damaged(string detail) => new(
        $"PDF ini rusak dan tidak dapat dibaca ({detail}).", $"The PDF is damaged and cannot be read ({detail}).");

    public static IntakeProblem TooBig(long size, long limit) => new(
        $"Berkas terlalu besar: {size:N0} byte, batasnya {limit:N0} byte.", $"The file is too big: {size:N0} bytes, the limit is {limit:N0} bytes.");

    public static IntakeProblem Unreadable(string detail) => new(
        $"Berkas tidak dapat dibaca oleh layanan ({detail}); periksa hak akses berkas.",
        $"The service cannot read the file ({detail}); check the file's permissions.");

    public static IntakeProblem BadSidecar(string sidecarName, string detailId, string detailEn) => new(
        $"Berkas keterangan {sidecarName} tidak valid: {detailId}. Perbaiki lalu kirim PDF dan berkas keterangannya lagi.",
        $"The sidecar file {sidecarName} is not valid: {detailEn}. Fix it and drop the PDF and its sidecar again.");

    public static IntakeProblem UnsafeSidecar(string sidecarName) => new(
        $"Berkas keterangan {sidecarName} ditolak: bukan berkas biasa (tautan simbolik, pipe atau perangkat) dan tidak dibaca. Kirim berkas keterangan yang asli.",
        $"The sidecar file {sidecarName} is refused: it is not a regular file (a symbolic link, pipe or device) and was not read. Drop a real sidecar file.");

    public static IntakeProblem Quarantined(int attempts) => new(
        $"Berkas ini sudah {attempts} kali gagal diperiksa (pemeriksaan gagal atau menghentikan layanan); dikarantina agar tidak diperiksa lagi. Periksa berkasnya lalu kirim ulang.",
        $"This file failed or crashed its examination {attempts} time(s); it is quarantined so it is not examined again. Check the file and drop it again.");

    public static IntakeProblem Duplicate(Guid earlierId, string title, string state) => new(
        $"Duplikat: isi berkas sama persis dengan dokumen {earlierId} \"{title}\" (status {state}).",
        $"Duplicate: the content is identical to document {earlierId} \"{title}\" (state {state}).");

    /// <summary>As stored in worker.documents.error: the Indonesian line, then the English one.</summary>
    public string Stored => $"{Indonesian}\n{English}";

    /// <summary>Reads back <see cref="Stored"/>.</summary>
    public static IntakeProblem FromStored(string stored)
    {
        var cut = stored.IndexOf('\n');
        return cut < 0 ? new IntakeProblem(stored, stored) : new IntakeProblem(stored[..cut], stored[(cut + 1)..]);
    }
}
