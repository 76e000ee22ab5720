using System.Net;
using System.Text.Json.Nodes;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// Two workers on one database and one shared folder (this process hosts one, a child process the other): the official's
/// approving POST, with the passphrase, lands on the second; BSrE is called once and the document is filed once.
/// </summary>
public sealed class BsreTwoWorkersTests(BsreSigningHost host) : IClassFixture<BsreSigningHost>, IAsyncLifetime
{
    private WorkerProcess? second;
    private string secondUrl = "";

    public async Task InitializeAsync()
    {
        var json = JsonNode.Parse(host.Config.Json.ToJsonString())!.AsObject();
        var worker = json["Worker"]!.AsObject();
        secondUrl = $"http://127.0.0.1:{FreeLoopbackPort.Next()}";
        worker["Urls"] = secondUrl;
        worker["PublicBaseUrl"] = secondUrl;
        worker["LogDirectory"] = Directory.CreateDirectory(Path.Combine(host.Config.Directory, "logs-second")).FullName;
        var configFile = Path.Combine(host.Config.Directory, "appsettings.second.json");
        await File.WriteAllTextAsync(configFile, json.ToJsonString());
        second = WorkerProcess.Start("run", "--config", configFile);
        await second.WaitUntilReadyAsync(secondUrl, TimeSpan.FromSeconds(120));
    }

    public Task DisposeAsync()
    {
        second?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Approve_OnTheSecondWorker_SignsOnceAndFilesOnce()
    {
        var (id, title, original) = await host.DropAsync("minimal-document.pdf");
        var token = await host.LinkAsync(id, SigningHost.Approver, title);
        var calls = host.Service.Signed;
        using (var phone = new ApprovalClient(secondUrl))
        {
            var (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase);
            Assert.True(status == HttpStatusCode.OK, body);
        }
        await host.WaitForStateAsync(id, "Filed", TimeSpan.FromSeconds(120));
        Assert.Equal(calls + 1, host.Service.Signed);

        var signed = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;
        var source = Path.GetFileNameWithoutExtension((await host.Database.ScalarAsync<string>($"SELECT source_name FROM worker.documents WHERE id = '{id}'"))!);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(signed)!), f => Path.GetFileName(f).StartsWith(source, StringComparison.Ordinal));
        Assert.Equal(1L, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{id}' AND action = 'filed'"));
        Assert.True(File.ReadAllBytes(signed).AsSpan(0, original.Length).SequenceEqual(original));
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, signed);
        Assert.Contains("Signature is Valid", pdfsig.Stdout);
        Assert.Contains($"serialNumber={BsreTestPki.Official.Nik}", pdfsig.Stdout);
        Assert.Empty(await SecretLeakSearch.FindAsync(host.Database, host.Config, host.Service.Passphrase));
    }
}
