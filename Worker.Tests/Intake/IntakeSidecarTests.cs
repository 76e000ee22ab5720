using Worker.Tests.Support;

namespace Worker.Tests.Intake;

[Collection(SharedIntakeCollection.Name)]
public sealed class IntakeSidecarTests(SharedIntakeHost host)
{
    [Fact]
    public async Task Drop_AppliesSidecar_WhenAValidOneLiesBeside()
    {
        const string sidecar = """
            { "title": "Undangan Rapat Koordinasi", "number": "005/123/BKD/2025",
              "submitterEmail": "tu.bkd@example.go.id", "note": "Mohon ditandatangani hari ini." }
            """;
        host.Drop("undangan.pdf.json", System.Text.Encoding.UTF8.GetBytes(sidecar));
        host.Drop("undangan.pdf", TestPdfs.Unique("google-doc-document.pdf"));

        var row = Assert.Single(await host.WaitForAsync("undangan.pdf"));
        Accepted.Assert(row.State);
        Assert.Equal("Undangan Rapat Koordinasi", row.Title);
        Assert.Equal("005/123/BKD/2025", row.Number);
        Assert.Equal("tu.bkd@example.go.id", row.SubmitterEmail);
        Assert.Equal("Mohon ditandatangani hari ini.", row.Note);
        Assert.False(File.Exists(Path.Combine(host.Inbox, "undangan.pdf.json")));
        Assert.Equal(sidecar, File.ReadAllText(Path.Combine(host.Content, $"{row.Id}.pdf.json")));
    }

    [Theory]
    [InlineData("{ not json", "bukan JSON yang valid", "not valid JSON")]
    [InlineData("{ \"titel\": \"salah ketik\" }", "tidak dikenal", "unknown field \"titel\"")]
    [InlineData("{ \"submitterEmail\": \"bukan-email\" }", "bukan alamat email", "is not an email address")]
    [InlineData("[1, 2]", "objek JSON", "must be a JSON object")]
    public async Task Drop_FilesToFailedWithTheReason_WhenTheSidecarIsBad(string sidecar, string indonesian, string english)
    {
        var name = $"keterangan-{Guid.NewGuid():N}.pdf";
        host.Drop(name + ".json", System.Text.Encoding.UTF8.GetBytes(sidecar));
        host.Drop(name, TestPdfs.Unique());

        var row = Assert.Single(await host.WaitForAsync(name));
        Assert.Equal("Invalid", row.State);
        var (path, error) = host.FailedFile(name);
        Assert.Contains($"{name}.json", error);
        Assert.Contains(indonesian, error);
        Assert.Contains(english, error);
        Assert.Equal(sidecar, File.ReadAllText(path + ".json"));
        await host.AssertReadyAsync();
    }
}
