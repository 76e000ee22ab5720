using System.Security.Cryptography;
using Npgsql;

namespace Worker.Tests.Support;

/// <summary>Records documents the way intake does (a row in state Received, the original in the content store), since intake lives elsewhere.</summary>
public static class TestDocuments
{
    public const string DefaultPdf = "pdflatex-4-pages.pdf";

    public static async Task<Guid> InsertAsync(TestDatabase database, TestConfig config, string route = "surat-keluar",
        string? submitter = "staf@example.go.id", string pdf = DefaultPdf, string title = "Surat Edaran Jam Kerja", int pages = 4, string? note = null)
    {
        var id = Guid.NewGuid();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Corpus, pdf));
        var content = Path.Combine(config.Directory, "data", "content", $"{id:N}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(content)!);
        await File.WriteAllBytesAsync(content, bytes);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO worker.documents (id, route, state, source_name, size_bytes, sha256, page_count, title, number, submitter_email, content_path, note)
            VALUES ($1, $2, 'Received', $3, $4, $5, $9, $6, '800/123/BKD/2025', $7, $8, $10)
            """, connection);
        foreach (var value in new object?[] { id, route, $"surat-{id.ToString()[..8]}.pdf", (long)bytes.Length,
                     Convert.ToHexStringLower(SHA256.HashData(bytes)), title, submitter, content, pages, note })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
