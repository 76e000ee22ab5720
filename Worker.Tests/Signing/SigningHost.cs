using System.Text.Json.Nodes;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing;

/// <summary>
/// A worker with loopback SMTP whose signers come from the demo CA (so pdfsig judges them trusted); dua-pejabat signs
/// with each approver in turn, with different keys.
/// </summary>
public sealed class SigningHost : ApprovalHost
{
    protected override void Configure(TestConfig config)
    {
        var pki = DemoPki.Instance;
        config.Worker["Signers"] = new JsonObject
        {
            ["demo"] = Signer(pki.Rsa, "Kepala Dinas"),
            ["sekda"] = Signer(pki.SecondRsa, "Sekretaris Daerah"),
        };
        config.Worker["Signing"] = new JsonObject { ["Retries"] = 1, ["RetryDelay"] = "00:00:01" };
        var second = config.Worker["Routes"]![1]!;
        second["SignEach"] = true;
        second["Approvers"]![1]!["Signer"] = "sekda";
    }

    private static JsonObject Signer(DemoPki.KeyFiles files, string name) => new()
    {
        ["Pkcs12"] = files.Pkcs12, ["PasswordFile"] = files.PasswordFile, ["Name"] = name, ["Position"] = name,
    };

    /// <summary>Drops a corpus file into a route's inbox under a unique name and waits for intake to record it.</summary>
    public async Task<(Guid Id, string Title, byte[] Original)> DropAsync(string corpusFile, string route = "surat-keluar")
    {
        var inbox = Worker.Options.Routes.Single(r => r.Name == route).Inbox;
        var name = $"e2e-{Guid.NewGuid().ToString()[..8]}.pdf";
        var original = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Corpus, corpusFile));
        await File.WriteAllBytesAsync(Path.Combine(inbox, name), original);
        var row = await Eventually.Async(
            () => Database.ScalarAsync<string>($"SELECT id || '|' || title FROM worker.documents WHERE source_name = '{name}'"),
            v => v is not null, TimeSpan.FromSeconds(60), $"{name} recorded");
        var parts = row!.Split('|', 2);
        return (Guid.Parse(parts[0]), parts[1], original);
    }

    public Task<string?> WaitForStateAsync(Guid id, string state, TimeSpan? timeout = null) =>
        Eventually.Async(() => StateAsync(id), s => s == state, timeout ?? TimeSpan.FromSeconds(60), $"document {id} {state}");
}
