using Hangfire;
using Worker.Approval;
using Worker.Signing;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>Reruns after crashes at the dangerous points, and a signer that fails until an operator fixes it.</summary>
public sealed class SignAndFileRecoveryTests(SigningHost host) : IClassFixture<SigningHost>
{
    private async Task<(Guid Id, string SignedPath)> FiledDocumentAsync()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed");
        return (id, (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!);
    }

    private async Task RerunAsync(Guid id)
    {
        using var scope = host.Worker.App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ISigningStarter>().SignAsync(id, CancellationToken.None);
    }

    private static string[] ArchivedCopies(string signedPath) =>
        Directory.GetFiles(Path.GetDirectoryName(signedPath)!, Path.GetFileNameWithoutExtension(signedPath) + "*");

    [Fact]
    public async Task Rerun_KeepsOneArchivedFile_WhenTheCrashCameBetweenRenameAndStateUpdate()
    {
        var (id, signedPath) = await FiledDocumentAsync();
        var before = await File.ReadAllBytesAsync(signedPath);
        // What the database holds if the worker died right after the rename: target recorded, state still Approved.
        await host.Database.ExecuteAsync($"UPDATE worker.documents SET state = 'Approved', filed_at = NULL WHERE id = '{id}'");

        await RerunAsync(id);

        Assert.Equal("Filed", await host.StateAsync(id));
        Assert.Equal([signedPath], ArchivedCopies(signedPath));
        Assert.Equal(before, await File.ReadAllBytesAsync(signedPath));
    }

    [Fact]
    public async Task Rerun_KeepsOneArchivedFile_WhenTheCrashCameBetweenSigningAndRename()
    {
        var (id, signedPath) = await FiledDocumentAsync();
        // The signed temporary file was written but never renamed: the archive has only the leftover.
        var leftover = Path.Combine(Path.GetDirectoryName(signedPath)!, $".{id:N}-0.tmp");
        File.Move(signedPath, leftover);
        await host.Database.ExecuteAsync($"UPDATE worker.documents SET state = 'Approved', filed_at = NULL WHERE id = '{id}'");

        await RerunAsync(id);

        Assert.Equal("Filed", await host.StateAsync(id));
        Assert.Equal([signedPath], ArchivedCopies(signedPath));
        Assert.False(File.Exists(leftover));
        Pdf.Support.SignedPdf.AssertPdfSigValid(signedPath, 1);
    }

    [Fact]
    public async Task WrongPassword_EndsFailedWithTheReason_ThenRetryFromTheDashboardFilesIt()
    {
        var good = await File.ReadAllTextAsync(host.DemoPasswordFile);
        await File.WriteAllTextAsync(host.DemoPasswordFile, "not-the-password\n");
        Guid id;
        try
        {
            var (docId, title, _) = await host.DropAsync("pdflatex-4-pages.pdf");
            id = docId;
            await host.ApproveAsync(id, SigningHost.Approver, title);
            await host.WaitForStateAsync(id, "Failed");
            var error = await host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{id}'");
            Assert.Contains("password", error, StringComparison.OrdinalIgnoreCase);
            Assert.Single(await host.Smtp.WaitForAsync("tu@example.go.id", $"Signing failed: {title}"));
        }
        finally
        {
            await File.WriteAllTextAsync(host.DemoPasswordFile, good);
        }

        // The operator fixed the password file and presses "Requeue" on the failed job in the dashboard.
        // The document is marked Failed while Hangfire elects the job's Failed state; the state itself commits a moment later.
        var jobId = await Eventually.Async(() => host.Database.ScalarAsync<long>(
            $"SELECT coalesce(max(id), 0) FROM hangfire.job WHERE statename = 'Failed' AND arguments::text LIKE '%{id}%'"), j => j > 0, what: "failed job");
        Assert.True(host.Worker.App.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId.ToString()));
        await host.WaitForStateAsync(id, "Filed");
        Assert.Null(await host.Database.ScalarAsync<string>($"SELECT error FROM worker.documents WHERE id = '{id}'"));
    }
}
