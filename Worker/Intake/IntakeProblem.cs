namespace Worker.Intake;

/// <summary>Why intake refuses a file, in the clerk's language and in English.</summary>
/// <param name="Indonesian">The reason in Indonesian.</param>
/// <param name="English">The same reason in English.</param>
/// <param name="Detail">What the parser or the system said, for the log and the dashboard; never in the clerk's reason file or mail.</param>
public sealed record IntakeProblem(string Indonesian, string English, string? Detail = null)
{
    public static readonly IntakeProblem Empty = new("Berkas kosong (0 byte).", "The file is empty (0 bytes).");

    public static readonly IntakeProblem NotPdf = new(
        "Berkas ini bukan PDF. Simpan atau cetak dokumennya sebagai PDF, lalu kirim lagi.",
        "The file is not a PDF. Save or print the document as a PDF, then drop it again.");

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
        "PDF ini rusak dan tidak dapat dibaca. Simpan ulang dari aplikasi asalnya (atau cetak ulang sebagai PDF), lalu kirim lagi.",
        "The PDF is damaged and cannot be read. Save it again from the program that made it (or print it to PDF again), then drop it again.",
        detail);

    public static IntakeProblem TooBig(long size, long limit) => new(
        $"Berkas terlalu besar: {Megabytes(size)} MB, batasnya {Megabytes(limit)} MB. Perkecil berkasnya (misalnya pindai dengan resolusi lebih rendah), lalu kirim lagi.",
        $"The file is too big: {Megabytes(size)} MB, the limit is {Megabytes(limit)} MB. Make it smaller (for example scan at a lower resolution), then drop it again.",
        $"{size} bytes, limit {limit} bytes");

    public static IntakeProblem Unreadable(string detail) => new(
        "Berkas ini tidak dapat dibaca oleh layanan (hak akses berkas). Salin berkasnya lagi ke folder ini, atau minta bantuan operator.",
        "The service cannot read this file (its permissions). Copy the file into this folder again, or ask an operator for help.",
        detail);

    public static IntakeProblem NotAccepted(string name, IReadOnlyList<string> include)
    {
        var accepted = string.Join(", ", include);
        var extension = Path.GetExtension(name) is { Length: > 1 } e ? e.ToLowerInvariant() : null;
        var what = extension is null ? "Berkas tanpa ekstensi" : $"Berkas {extension}";
        var whatEn = extension is null ? "A file without an extension" : $"A {extension} file";
        return new(
            $"{what} tidak diterima di folder ini; yang diterima hanya {accepted}. Simpan atau cetak dokumennya sebagai PDF, lalu kirim lagi.",
            $"{whatEn} is not accepted in this folder; only {accepted} is. Save or print the document as a PDF, then drop it again.");
    }

    public static IntakeProblem Excluded(string pattern) => new(
        $"Nama berkas ini tidak diproses di folder ini (nama seperti \"{pattern}\" dikecualikan). Bila dokumen ini memang perlu ditandatangani, ganti nama berkasnya lalu kirim lagi.",
        $"Files named like this are not processed in this folder (names like \"{pattern}\" are excluded). If the document needs signing, rename it and drop it again.");

    public static IntakeProblem BadSidecar(string sidecarName, string detailId, string detailEn) => new(
        $"Berkas keterangan {sidecarName} tidak valid: {detailId}. Perbaiki lalu kirim PDF dan berkas keterangannya lagi.",
        $"The sidecar file {sidecarName} is not valid: {detailEn}. Fix it and drop the PDF and its sidecar again.");

    public static IntakeProblem OutsideEmail(string sidecarName, string email, IReadOnlySet<string> domains)
    {
        var allowed = string.Join(", ", domains.Order(StringComparer.Ordinal));
        return new(
            $"Berkas keterangan {sidecarName}: alamat email \"{email}\" di luar domain kantor ({allowed}); pemberitahuan hanya dikirim ke alamat kantor. Ganti dengan email kantor Anda lalu kirim PDF dan berkas keterangannya lagi.",
            $"The sidecar file {sidecarName}: the email \"{email}\" is outside the office domains ({allowed}); notices only go to office addresses. Use your office email and drop the PDF and its sidecar again.");
    }

    public static IntakeProblem UnsafeSidecar(string sidecarName) => new(
        $"Berkas keterangan {sidecarName} ditolak: bukan berkas biasa (tautan simbolik, pipe atau perangkat) dan tidak dibaca. Kirim berkas keterangan yang asli.",
        $"The sidecar file {sidecarName} is refused: it is not a regular file (a symbolic link, pipe or device) and was not read. Drop a real sidecar file.");

    public static IntakeProblem Quarantined(int attempts) => new(
        $"Berkas ini sudah {attempts} kali gagal diperiksa (pemeriksaan gagal atau menghentikan layanan); dikarantina agar tidak diperiksa lagi. Periksa berkasnya lalu kirim ulang.",
        $"This file failed or crashed its examination {attempts} time(s); it is quarantined so it is not examined again. Check the file and drop it again.");

    public static IntakeProblem Duplicate(Guid earlierId, string title, bool filed) => new(
        $"Berkas ini sama persis dengan dokumen \"{title}\" yang {(filed ? "sudah ditandatangani dan diarsipkan" : "sudah diterima dan sedang diproses")}; berkas yang sama tidak diproses dua kali.",
        $"This file is identical to the document \"{title}\", which {(filed ? "is already signed and filed" : "was received already and is in progress")}; the same file is not processed twice.",
        $"same content as document {earlierId}");

    /// <summary>The English reason with the detail, for operators and API clients (never for the clerk's file or mail).</summary>
    public string EnglishWithDetail => Detail is null ? English : $"{English} ({Detail})";

    /// <summary>As stored in worker.documents.error: the Indonesian line, the English one, then the detail if any.</summary>
    public string Stored => Detail is null ? $"{Indonesian}\n{English}" : $"{Indonesian}\n{English}\n{Detail.ReplaceLineEndings(" ")}";

    /// <summary>Reads back <see cref="Stored"/>.</summary>
    public static IntakeProblem FromStored(string stored)
    {
        var lines = stored.Split('\n', 3);
        return lines.Length switch
        {
            1 => new IntakeProblem(stored, stored),
            2 => new IntakeProblem(lines[0], lines[1]),
            _ => new IntakeProblem(lines[0], lines[1], lines[2]),
        };
    }

    // Megabytes with one decimal, as a file manager shows sizes.
    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
