using System.Text.Json.Nodes;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Signing;

/// <summary>
/// A worker with loopback SMTP whose signers come from the demo CA (so pdfsig judges them trusted); dua-pejabat signs
/// with each approver in turn, with different keys.
/// </summary>
public class SigningHost : ApprovalHost
{
    protected override void Configure(TestConfig config)
    {
        var pki = DemoPki.Instance;
        config.Worker["Signers"] = new JsonObject
        {
            ["demo"] = Signer(Copy(pki.Rsa, config, "demo"), "Kepala Dinas"),
            ["sekda"] = Signer(Copy(pki.SecondRsa, config, "sekda"), "Sekretaris Daerah"),
        };
        config.Worker["Signing"] = new JsonObject { ["Retries"] = 1, ["RetryDelay"] = "00:00:01" };
        var second = config.Worker["Routes"]![1]!;
        second["SignEach"] = true;
        second["Approvers"]![1]!["Signer"] = "sekda";
    }

    // Copies, so a test may break this host's key files without touching the process-wide demo PKI.
    private static KeyFiles Copy(KeyFiles files, TestConfig config, string name)
    {
        var copy = KeyFiles.In(Path.Combine(config.Directory, "certs"), name);
        File.Copy(files.Pkcs12, copy.Pkcs12, overwrite: true);
        File.Copy(files.PasswordFile, copy.PasswordFile, overwrite: true);
        return copy;
    }

    /// <summary>The demo signer's password file in this host's folder.</summary>
    public string DemoPasswordFile => Path.Combine(Config.Directory, "certs", "demo.pass");

    private static JsonObject Signer(KeyFiles files, string name) => new()
    {
        ["Pkcs12"] = files.Pkcs12, ["PasswordFile"] = files.PasswordFile, ["Name"] = name, ["Position"] = name,
    };

    /// <summary>Drops a corpus file into a route's inbox under a unique name and waits for intake to record it.</summary>
    public Task<(Guid Id, string Title, byte[] Original)> DropAsync(string corpusFile, string route = "surat-keluar") =>
        // Unique bytes (no Duplicate), so each test finds its own document.
        DropBytesAsync(TestPdfs.Unique(corpusFile), route);

    /// <summary>Drops these bytes under a unique name with a unique title from a sidecar, and waits for intake to record them.</summary>
    public async Task<(Guid Id, string Title, byte[] Original)> DropBytesAsync(byte[] original, string route = "surat-keluar")
    {
        var inbox = Worker.Options.Routes.Single(r => r.Name == route).Inbox;
        var name = $"e2e-{Guid.NewGuid().ToString()[..8]}.pdf";
        await File.WriteAllTextAsync(Path.Combine(inbox, name + ".json"), $$"""{ "title": "Surat {{name[4..12]}}" }""");
        await File.WriteAllBytesAsync(Path.Combine(inbox, name), original);
        var row = await Eventually.Async(
            () => Database.ScalarAsync<string>($"SELECT id || '|' || title FROM worker.documents WHERE source_name = '{name}'"),
            v => v is not null, TimeSpan.FromSeconds(60), $"{name} recorded");
        var parts = row!.Split('|', 2);
        return (Guid.Parse(parts[0]), parts[1], original);
    }

    /// <summary>Approves through the emailed link, once the link's send is recorded (its hash is stored right after SMTP took it).</summary>
    public async Task ApproveAsync(Guid id, string approver, string title, int sendsBefore = 0)
    {
        var mail = await Smtp.WaitForAsync(approver, title, timeout: TimeSpan.FromSeconds(60));
        await SentRecordedAsync(id, sendsBefore + 1);
        using var client = Client();
        var (status, body) = await client.PostAsync(ApprovalClient.TokenFrom(mail[^1]), "approve", confirm: true);
        if (status != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"approval refused ({status}): {body}");
    }

    public Task<string?> WaitForStateAsync(Guid id, string state, TimeSpan? timeout = null) =>
        Eventually.Async(() => StateAsync(id), s => s == state, timeout ?? TimeSpan.FromSeconds(60), $"document {id} {state}");
}
