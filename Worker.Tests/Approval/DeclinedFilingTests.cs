using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Worker.Approval;
using Worker.Intake;
using Worker.Tests.Intake;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>The declined folder is on the share too: what a clerk plants there is never written through, and any name files.</summary>
public sealed class DeclinedFilingTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    private string Declined => host.Worker.Options.Routes[0].Declined;

    // A declined document as the decision leaves it: its original in the content store, its row in the database.
    private async Task<(Guid Id, byte[] Bytes)> DeclinedAsync(string sourceName, string title)
    {
        var id = Guid.CreateVersion7();
        var bytes = TestPdfs.Unique();
        var content = host.Worker.App.Services.GetRequiredService<ContentStore>().PdfPath(id);
        await File.WriteAllBytesAsync(content, bytes);
        await using var connection = new NpgsqlConnection(host.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO worker.documents (id, route, state, source_name, size_bytes, sha256, page_count, title, content_path, error)
            VALUES ($1, 'surat-keluar', 'Declined', $2, $3, $4, 1, $5, $6, 'dibatalkan operator')
            """, connection);
        foreach (var value in new object[] { id, sourceName, (long)bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), title, content })
            command.Parameters.AddWithValue(value);
        await command.ExecuteNonQueryAsync();
        return (id, bytes);
    }

    private async Task<string> FileAsync(Guid id)
    {
        await host.Worker.App.Services.GetRequiredService<DeclinedFiling>().FileAsync(id, CancellationToken.None);
        return (await host.Database.ScalarAsync<string>($"SELECT declined_path FROM worker.documents WHERE id = '{id}'"))!;
    }

    [Fact]
    public async Task File_NeverWritesThroughALink_WhenOneIsPlantedAtTheReasonFileName()
    {
        var victim = Path.Combine(host.Config.Directory, $"victim-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(victim, "milik orang lain");
        var stem = $"ditolak-{Guid.NewGuid():N}";
        File.CreateSymbolicLink(Path.Combine(Declined, stem + ".reason.txt"), victim);
        var (id, bytes) = await DeclinedAsync(stem + ".pdf", "Surat Ditolak");

        var pdf = await FileAsync(id);

        Assert.Equal("milik orang lain", await File.ReadAllTextAsync(victim));
        Assert.Equal(Declined, Path.GetDirectoryName(pdf));
        Assert.NotEqual(Path.Combine(Declined, stem + ".pdf"), pdf);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(pdf));
        Assert.Contains("dibatalkan operator", await File.ReadAllTextAsync(Path.ChangeExtension(pdf, ".reason.txt")));
        Assert.Equal("640", Modes.Of(pdf));
        Assert.Equal("640", Modes.Of(Path.ChangeExtension(pdf, ".reason.txt")));
        // Run again (a retried job): the same files, nothing new.
        await host.Worker.App.Services.GetRequiredService<DeclinedFiling>().FileAsync(id, CancellationToken.None);
        Assert.Equal(2, Directory.GetFiles(Declined, $"{stem}-*").Length);
    }

    [Fact]
    public async Task File_FilesA199CjkCharacterName_WithOneLinePerValueInTheReason()
    {
        var name = new string('文', 199) + ".pdf";
        var (id, bytes) = await DeclinedAsync(name, "Judul\nAlasan: palsu \u202Efdp.exe");

        var pdf = await FileAsync(id);

        Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(Path.ChangeExtension(pdf, ".reason.txt"))) <= 255);
        Assert.StartsWith("文文文", Path.GetFileName(pdf));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(pdf));
        var reason = await File.ReadAllTextAsync(Path.ChangeExtension(pdf, ".reason.txt"));
        Assert.Single(reason.Split('\n'), l => l.StartsWith("Alasan:", StringComparison.Ordinal));
        Assert.DoesNotContain('\u202E', reason);
    }
}
