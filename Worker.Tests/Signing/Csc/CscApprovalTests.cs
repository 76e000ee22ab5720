using System.Net;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Csc;

/// <summary>
/// The PIN flow over HTTP, as a phone does it: drop, email, approval page with the PIN field, wrong PIN, service down,
/// right PIN, Filed; the archived file carries our PAdES signature around the value the test CSC service signed.
/// </summary>
public sealed class CscApprovalTests(CscSigningHost host) : IClassFixture<CscSigningHost>
{
    private const string Official = SigningHost.Approver;

    private Task<string?> SignedPathAsync(Guid id) => host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'");

    [Fact]
    public async Task Approve_SignsWithTheOfficialsCscCredential_AfterAWrongPinAndAnOutage_AndThePinIsStoredNowhere()
    {
        var (id, title, original) = await host.DropAsync("pdflatex-4-pages.pdf");
        var token = await host.LinkAsync(id, Official, title);
        using var phone = host.Client();

        var (_, page, _) = await phone.GetAsync($"/approve/{token}");
        Assert.Contains("type=\"password\" id=\"passphrase\" name=\"passphrase\" autocomplete=\"off\"", page);
        Assert.Contains(">PIN TTE</label>", page);
        Assert.Contains($"atas nama Anda ({BsreTestPki.Official.Name}, Kepala Dinas) menggunakan sertifikat Anda di layanan tanda tangan jarak jauh", page);

        var wrong = "80" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);
        var (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: wrong);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("PIN TTE salah", body);
        Assert.Equal("Waiting", await host.StepStateAsync(id));
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));

        (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: "");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Masukkan PIN TTE", body);

        host.Service.Mode = CscTestMode.Down;
        try
        {
            (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Official.Pin);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("Layanan tanda tangan elektronik (CSC) tidak dapat dihubungi", body);
            Assert.Equal("Waiting", await host.StepStateAsync(id));
        }
        finally { host.Service.Mode = CscTestMode.Normal; }

        var before = host.Service.Signed;
        (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Official.Pin);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(before + 1, host.Service.Signed);
        await host.WaitForStateAsync(id, "Filed");

        var path = (await SignedPathAsync(id))!;
        Assert.True(File.ReadAllBytes(path).AsSpan().StartsWith(original), "the filed file must start with the approved bytes");
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, path);
        Assert.Equal(1, pdfsig.Stdout.Split("Signature is Valid").Length - 1);
        Assert.Contains("Certificate is Trusted", pdfsig.Stdout);
        Assert.Contains($"serialNumber={BsreTestPki.Official.Nik}", pdfsig.Stdout);

        Assert.Empty(await SecretLeakSearch.FindAsync(host.Database, host.Config, host.Service.Official.Pin));
        Assert.Empty(await SecretLeakSearch.FindAsync(host.Database, host.Config, wrong));
    }

    [Fact]
    public async Task Approve_PausesTheLink_AfterFiveWrongPins_AsForBsre()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        var token = await host.LinkAsync(id, Official, title);
        using var phone = host.Client();
        for (var i = 1; i < Worker.Approval.SecretApproval.MaxWrong; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await phone.PostAsync(token, "approve", confirm: true, passphrase: $"1111{i}")).Status);
        var (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: "11115");
        Assert.Equal(HttpStatusCode.Locked, status);
        Assert.Contains("PIN TTE salah lima kali", body);

        var before = host.Service.Signed;
        (status, _) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Official.Pin);
        Assert.Equal(HttpStatusCode.Locked, status);
        Assert.Equal(before, host.Service.Signed);
        Assert.Equal("Waiting", await host.StepStateAsync(id));
        var alert = await host.Smtp.WaitForAsync(CscSigningHost.Operator, "Penandatanganan dihentikan");
        Assert.Contains("salah memasukkan PIN TTE 5 kali", alert[^1].TextBody);
    }

    [Fact]
    public async Task SignersCheck_SaysTheCscSignerIsReady_AndNotReady_WhenItsServiceIsDown()
    {
        var config = host.Config.Write();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(Worker.Cli.ExitCode.Done, await Worker.Cli.CommandLine.RunAsync(["signers", "check", "kadis-csc", "--config", config], stdout, stderr));
        Assert.StartsWith("kadis-csc (Csc): siap / ready: service answers, credential official-rsa", stdout.ToString());
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{host.Config.BaseUrl}/health/ready")).StatusCode);

        host.Service.Mode = CscTestMode.Down;
        try
        {
            (stdout, stderr) = (new StringWriter(), new StringWriter());
            Assert.Equal(Worker.Cli.ExitCode.Unexpected, await Worker.Cli.CommandLine.RunAsync(["signers", "check", "kadis-csc", "--config", config], stdout, stderr));
            Assert.StartsWith("kadis-csc (Csc): Layanan tanda tangan CSC tidak tersedia", stderr.ToString());
            // /health/ready reports the watch's last check (every Signing:CheckEvery); run one now instead of waiting minutes.
            await host.Worker.App.Services.GetRequiredService<Worker.Signing.Watch.SignerWatch>().CheckAsync(CancellationToken.None);
            var ready = await http.GetAsync($"{host.Config.BaseUrl}/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("kadis-csc (Csc): Layanan tanda tangan CSC tidak tersedia", await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            host.Service.Mode = CscTestMode.Normal;
            // Later tests of this host approve: the watch must not keep the signer marked as unable to sign.
            await host.Worker.App.Services.GetRequiredService<Worker.Signing.Watch.SignerWatch>().CheckAsync(CancellationToken.None);
        }
    }
}
