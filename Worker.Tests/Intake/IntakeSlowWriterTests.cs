using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

public sealed class IntakeSlowWriterTests(IntakeSlowWriterTests.Host host) : IClassFixture<IntakeSlowWriterTests.Host>
{
    /// <summary>StableFor well above the writer's pauses, as an operator would set it for a slow share.</summary>
    public sealed class Host : IntakeHost
    {
        protected override void Configure(JsonObject worker) => worker["Intake"]!["StableFor"] = "00:00:01.500";
    }

    [Fact]
    public async Task Drop_TakesTheFileOnceAndWhole_WhenItIsWrittenInPiecesOverSeconds()
    {
        var bytes = TestPdfs.Unique("google-doc-document.pdf");
        var path = Path.Combine(host.Inbox, "kiriman lambat.pdf");
        const int pieces = 16;
        var size = (bytes.Length + pieces - 1) / pieces;
        // Each piece opens, appends and closes, as a copy over SMB does: no lock gives it away, only the growing size.
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            await using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)));
            await Task.Delay(250);
        }

        var row = Assert.Single(await host.WaitForAsync("kiriman lambat.pdf"));
        Accepted.Assert(row.State);
        Assert.Equal(bytes.Length, row.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), row.Sha256);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await DocumentRow.QueryAsync(host.Database, "source_name = 'kiriman lambat.pdf'"));
    }
}
