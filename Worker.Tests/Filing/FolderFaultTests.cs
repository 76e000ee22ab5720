using System.Diagnostics;
using Worker.Tests.Signing;
using Worker.Tests.Support;

namespace Worker.Tests.Filing;

/// <summary>
/// A route folder on a small tmpfs that is read-only, then full, then fine again: the step fails with the reason, leaves nothing
/// half-written, keeps its document's retries, and files once the folder takes files. Mounting needs root, as scripts/test.sh runs.
/// </summary>
public sealed class FolderFaultTests(SigningHost host) : IClassFixture<SigningHost>
{
    [Fact]
    public async Task Approve_FilesOnceTheArchiveTakesFilesAgain_WhenItWasReadOnlyThenFull()
    {
        var archive = Path.Combine(host.Config.Directory, "routes/surat-keluar/signed");
        using var mount = Tmpfs.Mount(archive, "20k"); // smaller than the original
        mount.ReadOnly(true);
        var (id, title, original) = await host.DropAsync("pdflatex-4-pages.pdf");
        await host.ApproveAsync(id, SigningHost.Approver, title);

        var error = await Eventually.Async(() => host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{id}'"),
            e => e is not null && e.Contains("folder cannot be written"), TimeSpan.FromSeconds(60), "the archive fault on the document");
        Assert.Contains("Read-only file system", error);
        // More tries than Signing:Retries (1) and still Approved: a full or read-only archive is not the document's fault.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal("Approved", await host.StateAsync(id));

        // Writable but too small for the signed file: still nothing in the archive, not even a truncated temporary.
        mount.ReadOnly(false);
        await Eventually.Async(() => host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{id}'"),
            e => e is not null && e.Contains("No space left on device"), TimeSpan.FromSeconds(60), "the full archive on the document");
        Assert.Empty(Directory.GetFiles(archive, "*", SearchOption.AllDirectories));
        Assert.Equal("Approved", await host.StateAsync(id));

        mount.Resize("64m");
        await host.WaitForStateAsync(id, "Filed", TimeSpan.FromSeconds(90));
        var filed = Assert.Single(Directory.GetFiles(archive, "*", SearchOption.AllDirectories));
        Assert.Equal(original, (await File.ReadAllBytesAsync(filed))[..original.Length]);
        Pdf.Support.SignedPdf.AssertPdfSigValid(filed, 1);
    }

    [Fact]
    public async Task Reject_CopiesTheOriginalOnceDeclinedTakesFilesAgain_WhenItWasReadOnly()
    {
        var declined = Path.Combine(host.Config.Directory, "routes/surat-keluar/declined");
        using var mount = Tmpfs.Mount(declined, "16m");
        mount.ReadOnly(true);
        var (id, title, original) = await host.DropAsync("pdflatex-4-pages.pdf");
        var mail = await host.Smtp.WaitForAsync(SigningHost.Approver, title, timeout: TimeSpan.FromSeconds(60));
        await host.SentRecordedAsync(id, 1);
        using (var client = host.Client())
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync(ApprovalClient.TokenFrom(mail[^1]), "reject", true, "salah alamat")).Status);

        await Eventually.Async(() => host.JobsAsync(), j => j is not null && j.Contains("folder tidak dapat ditulis"), TimeSpan.FromSeconds(60),
            "the declined-folder fault on the job");
        Assert.Empty(Directory.GetFiles(declined));

        mount.ReadOnly(false);
        await Eventually.Async(() => Task.FromResult(Directory.GetFiles(declined, "*.pdf")), f => f.Length == 1, TimeSpan.FromSeconds(90), "declined copy");
        Assert.Equal(original, await File.ReadAllBytesAsync(Directory.GetFiles(declined, "*.pdf").Single()));
        Assert.Single(Directory.GetFiles(declined, "*.reason.txt"));
        Assert.Empty(Directory.GetFiles(declined, ".*"));
    }

    /// <summary>A tmpfs mounted over a folder for one test.</summary>
    private sealed class Tmpfs(string folder) : IDisposable
    {
        public static Tmpfs Mount(string folder, string size)
        {
            Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder);
            return new Tmpfs(folder);
        }

        public void ReadOnly(bool on) => Run("mount", "-o", on ? "remount,ro" : "remount,rw", folder);

        public void Resize(string size) => Run("mount", "-o", $"remount,size={size}", folder);

        public void Dispose() => Run("umount", "-l", folder);

        private static void Run(string program, params string[] args)
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true };
            foreach (var a in args) info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({p.ExitCode}): {error} (needs root)");
        }
    }
}
