using System.Text;
using Worker.Filing;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>What a clerk with write access to the shared inbox could plant: links, pipes, and names and titles with hidden characters.</summary>
[Collection(SharedIntakeCollection.Name)]
public sealed class IntakeShareAttackTests(SharedIntakeHost host)
{
    private static readonly string Environ = "/proc/self/environ";

    [Theory]
    [InlineData("secret")]
    [InlineData("environ")]
    public async Task Drop_NeverReadsOrCopiesTheSidecar_WhenItIsASymlink(string pointsAt)
    {
        var (target, marker) = Secret(pointsAt);
        var name = $"tautan-{pointsAt}-{Guid.NewGuid():N}.pdf";
        File.CreateSymbolicLink(Path.Combine(host.Inbox, name + ".json"), target);
        host.Drop(name, TestPdfs.Unique());

        var row = Assert.Single(await host.WaitForAsync(name));
        Assert.Equal("Invalid", row.State);
        var (failed, error) = host.FailedFile(name);
        Assert.Contains("bukan berkas biasa", error);
        Assert.Contains("not a regular file", error);
        // The link itself went beside the PDF; its target was never read, so its text is in no file the worker wrote.
        Assert.Equal(target, new FileInfo(failed + ".json").LinkTarget);
        Assert.False(File.Exists(Path.Combine(host.Content, $"{row.Id}.pdf.json")));
        AssertNowhereWritten(marker);
        await AssertStillClaimingAsync();
    }

    [Fact]
    public async Task Drop_NeverCopiesTheTarget_WhenThePdfIsASymlinkToASecret()
    {
        var (target, marker) = Secret("secret");
        var name = $"tautan-pdf-{Guid.NewGuid():N}.pdf";
        File.CreateSymbolicLink(Path.Combine(host.Inbox, name), target);

        var row = Assert.Single(await host.WaitForAsync(name));
        Assert.Equal("Invalid", row.State);
        Assert.Equal(target, new FileInfo(host.FailedFile(name).Path).LinkTarget);
        Assert.Null(row.ContentPath);
        AssertNowhereWritten(marker);
        await AssertStillClaimingAsync();
    }

    [Fact]
    public async Task Drop_KeepsClaimingOnEveryWorker_WhenSidecarsAreFifos()
    {
        // More pipes than claim workers: before, each blocked one worker in open() forever, and intake stopped.
        var names = Enumerable.Range(0, Environment.ProcessorCount * 2 + 2).Select(i => $"pipa-{i}-{Guid.NewGuid():N}.pdf").ToList();
        foreach (var name in names)
        {
            Fifo.Make(Path.Combine(host.Inbox, name + ".json"));
            host.Drop(name, TestPdfs.Unique());
        }
        foreach (var name in names)
        {
            var row = Assert.Single(await host.WaitForAsync(name));
            Assert.Equal("Invalid", row.State);
            Assert.Contains("not a regular file", host.FailedFile(name).Error);
        }
        await AssertStillClaimingAsync();
    }

    [Fact]
    public async Task Drop_RefusesWithAReason_WhenThePdfIsAFifo()
    {
        var name = $"pipa-{Guid.NewGuid():N}.pdf";
        Fifo.Make(Path.Combine(host.Inbox, name));

        var row = Assert.Single(await host.WaitForAsync(name));
        Assert.Equal("Invalid", row.State);
        var (failed, error) = host.FailedFile(name);
        Assert.Contains("bukan berkas biasa", error);
        Assert.Equal(FileKind.Other, UnixFile.LinkStatus(failed)?.Kind);
        await AssertStillClaimingAsync();
    }

    [Fact]
    public async Task Drop_StripsBidiAndControlCharacters_FromTheTitleNumberNoteAndName()
    {
        var stem = $"laporan-{Guid.NewGuid():N}";
        const string sidecar = """{ "title": "Surat \u202Efdp.exe\nAlasan: disetujui", "number": "800/\u200B1/\u0007BKD", "note": "baris\r\npalsu\u2066" }""";
        host.Drop($"{stem}\u202Egnp.pdf.json", Encoding.UTF8.GetBytes(sidecar));
        host.Drop($"{stem}\u202Egnp.pdf", TestPdfs.Unique());

        var row = Assert.Single(await host.WaitForAsync($"{stem}gnp.pdf"));
        Accepted.Assert(row.State);
        Assert.Equal("Surat fdp.exe Alasan: disetujui", row.Title);
        Assert.Equal("800/1/BKD", row.Number);
        Assert.Equal("baris palsu", row.Note);
    }

    [Fact]
    public async Task Drop_StripsBidiCharactersFromTheReasonFile_WhenTheFileIsRefused()
    {
        var stem = $"rusak-{Guid.NewGuid():N}";
        host.Drop($"{stem}\u202Efdp.pdf", Encoding.UTF8.GetBytes("bukan pdf\nAlasan: palsu"));

        var row = Assert.Single(await host.WaitForAsync($"{stem}fdp.pdf"));
        Assert.Equal("Invalid", row.State);
        var (failed, error) = host.FailedFile($"{stem}fdp.pdf");
        Assert.DoesNotContain('\u202E', error);
        Assert.Equal("bukan pdf\nAlasan: palsu", File.ReadAllText(failed));
    }

    [Fact]
    public async Task Drop_KeepsOriginalsSidecarsAndStateOwnerOnly_AndRefusalsOwnerAndGroup()
    {
        var name = $"mode-{Guid.NewGuid():N}.pdf";
        host.Drop(name + ".json", Encoding.UTF8.GetBytes("""{ "title": "Mode" }"""));
        host.Drop(name, TestPdfs.Unique());
        var bad = $"mode-buruk-{Guid.NewGuid():N}.pdf";
        host.Drop(bad, Encoding.UTF8.GetBytes("bukan pdf"));

        var row = Assert.Single(await host.WaitForAsync(name));
        Assert.Single(await host.WaitForAsync(bad));
        Assert.Equal("700", Modes.Of(host.Content));
        Assert.Equal("600", Modes.Of(row.ContentPath!));
        Assert.Equal("600", Modes.Of(Path.Combine(host.Content, $"{row.Id}.pdf.json")));
        Assert.Equal("700", Modes.Of(Path.Combine(host.Worker.Options.DataDirectory, "intake-attempts")));
        Assert.Equal("700", Modes.Of(host.Processing));
        Assert.Equal("640", Modes.Of(host.FailedFile(bad).Path + ".error.txt"));
        // The approval request for the accepted one: its live link is for the worker's user only.
        var mail = await Eventually.Async(
            () => Task.FromResult(Directory.GetFiles(host.Worker.Options.Mail.PickupDirectory, "*.eml")),
            files => files.Length > 0, TimeSpan.FromSeconds(30), "an approval request in the pickup folder");
        Assert.All(mail, m => Assert.Equal("600", Modes.Of(m)));
    }

    // A file outside every route folder holding a marker, or the process environment (which holds the test database's address).
    private (string Target, string Marker) Secret(string kind)
    {
        if (kind == "environ") return (Environ, "WORKER_TEST_DB=");
        var marker = $"RAHASIA-{Guid.NewGuid():N}";
        var path = Path.Combine(host.Config.Directory, $"{marker}.pass");
        File.WriteAllText(path, marker);
        return (path, marker);
    }

    // No regular file under the data folder or the route folders contains the marker.
    private void AssertNowhereWritten(string marker)
    {
        var roots = new[] { host.Worker.Options.DataDirectory, Path.GetDirectoryName(host.Inbox)! };
        foreach (var file in roots.SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories)))
        {
            if (UnixFile.LinkStatus(file)?.Kind != FileKind.Regular) continue;
            Assert.DoesNotContain(marker, File.ReadAllText(file));
        }
    }

    // Intake still takes a normal file after the attack.
    private async Task AssertStillClaimingAsync()
    {
        var name = $"normal-{Guid.NewGuid():N}.pdf";
        host.Drop(name, TestPdfs.Unique());
        Accepted.Assert(Assert.Single(await host.WaitForAsync(name)).State);
        await host.AssertReadyAsync();
    }
}
