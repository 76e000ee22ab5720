using Worker.Filing;
using Worker.Intake;

namespace Worker.Tests.Filing;

public sealed class RefusedFilesTests : IDisposable
{
    private static readonly string[] Beside = [".json"];
    private readonly string root = Directory.CreateTempSubdirectory("refused-").FullName;
    private readonly string failed;
    private readonly string inbox;

    public RefusedFilesTests()
    {
        failed = Directory.CreateDirectory(Path.Combine(root, "failed")).FullName;
        inbox = Directory.CreateDirectory(Path.Combine(root, "inbox")).FullName;
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    // A refused file as intake leaves it: the file, its reason in intake's own words, and its sidecar.
    private string Refuse(string name, string indonesian = "Berkas ini bukan PDF.", string english = "This file is not a PDF.")
    {
        var ticket = new ClaimTicket
        {
            Id = Guid.NewGuid(), Route = "surat-keluar", SourceName = name, ClaimedAt = DateTimeOffset.UtcNow, ClaimedBy = "test",
        };
        var source = Path.Combine(root, Guid.NewGuid().ToString("N"));
        File.WriteAllText(source, "bytes of " + name);
        var put = FailedFolder.Put(source, failed, name,
            IntakeProcessor.ErrorText(ticket, Worker.Persistence.DocumentState.Invalid, new IntakeProblem(indonesian, english),
                TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")));
        File.WriteAllText(put + ".json", "{\"title\":\"Surat\"}");
        return put;
    }

    [Fact]
    public void List_ShowsTheReasonText_NotTheFirstLineOfTheReasonFile()
    {
        Refuse("surat.pdf");

        var file = Assert.Single(RefusedFiles.List(failed, Beside, 100));

        Assert.Equal("surat.pdf", file.Name);
        Assert.Equal("Berkas ini bukan PDF. / This file is not a PDF.", file.Reason);
        Assert.DoesNotContain("Berkas   :", file.Reason);
    }

    [Fact]
    public void List_LeavesOutReasonsSidecarsAndHiddenEntries_ButNotAJsonFileOfItsOwn()
    {
        Refuse("surat.pdf");
        Directory.CreateDirectory(Path.Combine(failed, RefusedFiles.HandledFolder));
        File.WriteAllText(Path.Combine(failed, ".tmp-x"), "");
        Refuse("data.json");

        var names = RefusedFiles.List(failed, Beside, 100).Select(f => f.Name).Order().ToList();

        Assert.Equal(["data.json", "surat.pdf"], names);
    }

    [Fact]
    public void Resubmit_MovesTheFileAndItsSidecarToTheInbox_AndKeepsTheReasonWithTheNote()
    {
        Refuse("surat.pdf");

        var name = RefusedFiles.Resubmit(failed, "surat.pdf", inbox, Beside, "dikirim ulang: operator");

        Assert.Equal("surat.pdf", name);
        Assert.Equal("bytes of surat.pdf", File.ReadAllText(Path.Combine(inbox, "surat.pdf")));
        Assert.True(File.Exists(Path.Combine(inbox, "surat.pdf.json")));
        Assert.Empty(Directory.GetFiles(failed));
        var kept = File.ReadAllText(Path.Combine(failed, RefusedFiles.HandledFolder, "surat.pdf.error.txt"));
        Assert.Contains("Berkas ini bukan PDF.", kept);
        Assert.EndsWith("dikirim ulang: operator\n", kept);
    }

    [Fact]
    public void Resubmit_TakesAFreeName_WhenTheInboxHasTheNameAlready()
    {
        Refuse("surat.pdf");
        File.WriteAllText(Path.Combine(inbox, "surat.pdf"), "a clerk's new file");

        var name = RefusedFiles.Resubmit(failed, "surat.pdf", inbox, Beside, "note");

        Assert.Equal("surat-2.pdf", name);
        Assert.Equal("a clerk's new file", File.ReadAllText(Path.Combine(inbox, "surat.pdf")));
        Assert.Equal("bytes of surat.pdf", File.ReadAllText(Path.Combine(inbox, "surat-2.pdf")));
    }

    [Fact]
    public void SetAside_KeepsTheFileItsReasonAndSidecarInHandled_WithTheNote()
    {
        Refuse("surat.pdf");
        Refuse("surat.pdf");

        RefusedFiles.SetAside(failed, "surat.pdf", Beside, "ditandai selesai: operator");
        RefusedFiles.SetAside(failed, "surat-2.pdf", Beside, "ditandai selesai: operator");

        var handled = Path.Combine(failed, RefusedFiles.HandledFolder);
        Assert.Empty(Directory.GetFiles(failed));
        Assert.Equal(
            ["surat-2.pdf", "surat-2.pdf.error.txt", "surat-2.pdf.json", "surat.pdf", "surat.pdf.error.txt", "surat.pdf.json"],
            Directory.GetFiles(handled).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("bytes of surat.pdf", File.ReadAllText(Path.Combine(handled, "surat.pdf")));
        Assert.Contains("ditandai selesai: operator", File.ReadAllText(Path.Combine(handled, "surat.pdf.error.txt")));
        Assert.Empty(RefusedFiles.List(failed, Beside, 100));
    }

    [Theory]
    [InlineData("../inbox/x.pdf")]
    [InlineData(".handled")]
    [InlineData("surat.pdf.error.txt")]
    [InlineData("link.pdf")]
    [InlineData("nothing.pdf")]
    public void Resubmit_MovesNothing_ForANameThatIsNotARefusedRegularFile(string name)
    {
        Refuse("surat.pdf");
        File.WriteAllText(Path.Combine(inbox, "x.pdf"), "inbox file");
        File.CreateSymbolicLink(Path.Combine(failed, "link.pdf"), "/etc/passwd");
        var before = Directory.GetFileSystemEntries(failed).Order().ToList();

        Assert.Throws<FileNotFoundException>(() => RefusedFiles.Resubmit(failed, name, inbox, Beside, "note"));
        Assert.Throws<FileNotFoundException>(() => RefusedFiles.SetAside(failed, name, Beside, "note"));

        Assert.Equal(before, Directory.GetFileSystemEntries(failed).Order().ToList());
        Assert.Equal(["x.pdf"], Directory.GetFiles(inbox).Select(Path.GetFileName).ToList());
    }

    [Fact]
    public void ResubmitAndSetAside_MoveNothing_WhenHandledIsALinkOutOfTheFolder()
    {
        Refuse("surat.pdf");
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(failed, RefusedFiles.HandledFolder), elsewhere);

        Assert.Throws<IOException>(() => RefusedFiles.SetAside(failed, "surat.pdf", Beside, "note"));
        Assert.Throws<IOException>(() => RefusedFiles.Resubmit(failed, "surat.pdf", inbox, Beside, "note"));

        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        Assert.Empty(Directory.GetFiles(inbox));
        Assert.True(File.Exists(Path.Combine(failed, "surat.pdf")));
    }
}
