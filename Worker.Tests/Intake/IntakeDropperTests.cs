using System.Diagnostics;
using System.Text.Json.Nodes;
using Worker.Tests.Support;

namespace Worker.Tests.Intake;

/// <summary>
/// Notices reach whoever dropped the file: the unit whose inbox subfolder it was dropped in, the person its owner uid maps to,
/// or the sidecar's office address; the Contact only when none is known. The attacks: another unit's folder, a folder swapped
/// for a link, a sidecar naming an outside address.
/// </summary>
public sealed class IntakeDropperTests(IntakeDropperTests.Host host) : IClassFixture<IntakeDropperTests.Host>
{
    private const string Contact = "tu@example.go.id";
    private const string Umum = "umum@example.go.id";
    private const string Keuangan = "keuangan@example.go.id";
    private const string Budi = "budi@example.go.id";
    private const uint BudiUid = 4242;

    public sealed class Host : IntakeHost
    {
        public TestSmtpServer Smtp { get; } = new TestSmtpServer().Start();

        protected override void Configure(JsonObject worker)
        {
            worker["Mail"]!["Smtp"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = Smtp.Port, ["Security"] = "None", ["Timeout"] = "00:00:05" };
            var route = worker["Routes"]![0]!;
            route["Units"] = new JsonArray(
                new JsonObject { ["Folder"] = "bidang-umum", ["Email"] = Umum },
                new JsonObject { ["Folder"] = "bidang-keuangan", ["Email"] = Keuangan });
            route["Submitters"] = new JsonArray(new JsonObject { ["Uid"] = BudiUid, ["Email"] = Budi });
            foreach (var unit in new[] { "bidang-umum", "bidang-keuangan" })
                Directory.CreateDirectory(Path.Combine(route["Inbox"]!.GetValue<string>(), unit));
        }
    }

    private string Unit(string folder) => Path.Combine(host.Inbox, folder);

    [Fact]
    public async Task Drop_RecordsTheUnit_AndMailsTheUnitNotTheContact_WhenDroppedInTheUnitsFolder()
    {
        var pdf = $"umum-{Guid.NewGuid():N}.pdf";
        var docx = $"umum-{Guid.NewGuid():N}.docx";
        await File.WriteAllBytesAsync(Path.Combine(Unit("bidang-umum"), pdf), TestPdfs.Unique());
        await File.WriteAllBytesAsync(Path.Combine(Unit("bidang-umum"), docx), TestPdfs.Unique());

        Assert.Equal(Umum, Assert.Single(await host.WaitForAsync(pdf)).SubmitterEmail);
        Assert.Single(await host.Smtp.WaitForAsync(Umum, docx, timeout: TimeSpan.FromSeconds(90)));
        Assert.True(File.Exists(Path.Combine(host.Failed, docx)), "the refused file is in the route's failed/");
        Assert.Empty(host.Smtp.Matching(Contact, docx));
    }

    [Fact]
    public async Task Drop_NamesThePersonOfTheOwnerUid_WhenAKnownUserDropsInAnotherUnitsFolder()
    {
        // Budi (uid 4242) is not of bidang-keuangan: the kernel says who dropped it, the folder only where.
        var pdf = $"budi-{Guid.NewGuid():N}.pdf";
        var docx = $"budi-{Guid.NewGuid():N}.docx";
        DropOwned(Unit("bidang-keuangan"), pdf, BudiUid);
        DropOwned(Unit("bidang-keuangan"), docx, BudiUid);

        Assert.Equal(Budi, Assert.Single(await host.WaitForAsync(pdf)).SubmitterEmail);
        Assert.Single(await host.Smtp.WaitForAsync(Budi, docx, timeout: TimeSpan.FromSeconds(90)));
        Assert.Empty(host.Smtp.Matching(Keuangan, docx));
    }

    [Fact]
    public async Task Drop_FallsBackToTheUnit_WhenTheOwnerUidIsNotASubmitter()
    {
        var pdf = $"asing-{Guid.NewGuid():N}.pdf";
        DropOwned(Unit("bidang-keuangan"), pdf, 4343);

        Assert.Equal(Keuangan, Assert.Single(await host.WaitForAsync(pdf)).SubmitterEmail);
    }

    [Fact]
    public async Task Drop_RefusesWithAPlainReasonAndNeverMailsTheOutsideAddress_WhenTheSidecarNamesOne()
    {
        var pdf = $"luar-{Guid.NewGuid():N}.pdf";
        await File.WriteAllTextAsync(Path.Combine(host.Inbox, pdf + ".json"), """{ "title": "Surat", "submitterEmail": "pencuri@gmail.com" }""");
        host.Drop(pdf, TestPdfs.Unique());

        var row = Assert.Single(await host.WaitForAsync(pdf));
        Assert.Equal("Invalid", row.State);
        var (_, error) = host.FailedFile(pdf);
        Assert.Contains("di luar domain kantor (example.go.id)", error);
        Assert.Contains("outside the office domains", error);
        Assert.Single(await host.Smtp.WaitForAsync(Contact, pdf, timeout: TimeSpan.FromSeconds(90)));
        Assert.DoesNotContain(host.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address.Contains("gmail", StringComparison.OrdinalIgnoreCase)));
        Assert.NotEqual("pencuri@gmail.com", row.SubmitterEmail);
    }

    [Fact]
    public async Task Drop_UsesTheSidecarsOfficeAddress_OverTheUnit()
    {
        var pdf = $"sidecar-{Guid.NewGuid():N}.pdf";
        await File.WriteAllTextAsync(Path.Combine(Unit("bidang-umum"), pdf + ".json"), """{ "submitterEmail": "sari@example.go.id" }""");
        await File.WriteAllBytesAsync(Path.Combine(Unit("bidang-umum"), pdf), TestPdfs.Unique());

        Assert.Equal("sari@example.go.id", Assert.Single(await host.WaitForAsync(pdf)).SubmitterEmail);
    }

    [Fact]
    public async Task Drop_LeavesTheFileAlone_WhenAUnitFolderIsSwappedForALinkToAnotherFolder()
    {
        var folder = Unit("bidang-umum");
        var away = folder + ".away";
        var elsewhere = Directory.CreateDirectory(Path.Combine(host.Config.Directory, $"elsewhere-{Guid.NewGuid():N}")).FullName;
        var pdf = $"tautan-{Guid.NewGuid():N}.pdf";
        await File.WriteAllBytesAsync(Path.Combine(elsewhere, pdf), TestPdfs.Unique());
        Directory.Move(folder, away);
        File.CreateSymbolicLink(folder, elsewhere);
        try
        {
            // Two rescans (every 5 s) and more: a file seen through the link is never claimed, and nothing is created there.
            await Task.Delay(TimeSpan.FromSeconds(12));
            Assert.True(File.Exists(Path.Combine(elsewhere, pdf)), "the file behind the link was taken");
            Assert.False(Directory.Exists(Path.Combine(elsewhere, ".processing")), ".processing was created through the link");
            Assert.Empty(await DocumentRow.QueryAsync(host.Database, "source_name = $1", pdf));
        }
        finally
        {
            File.Delete(folder);
            Directory.Move(away, folder);
        }
    }

    // Written aside and renamed in whole, owned by uid as if that SMB user had copied it in.
    private void DropOwned(string folder, string name, uint uid)
    {
        var staged = Path.Combine(host.Config.Directory, $"staged-{Guid.NewGuid():N}");
        File.WriteAllBytes(staged, TestPdfs.Unique());
        using (var chown = Process.Start("chown", [uid.ToString(), staged])) chown.WaitForExit();
        File.Move(staged, Path.Combine(folder, name));
    }
}
