using System.Net;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// The passphrase flow over HTTP, as a phone does it: drop, email, approval page with the passphrase field, wrong
/// passphrase, service down, right passphrase, Filed; the archived file signed by the test BSrE service's pdfsig.
/// </summary>
public sealed class BsreApprovalTests(BsreSigningHost host) : IClassFixture<BsreSigningHost>
{
    private const string Official = SigningHost.Approver;

    private static void AssertBsreSigned(string path, byte[] original, params string[] niks)
    {
        var signed = File.ReadAllBytes(path);
        Assert.True(signed.AsSpan(0, original.Length).SequenceEqual(original), "the filed file must start with the approved bytes");
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, path);
        Assert.Equal(niks.Length, pdfsig.Stdout.Split("Signature is Valid").Length - 1);
        Assert.Equal(niks.Length, pdfsig.Stdout.Split("Certificate is Trusted").Length - 1);
        foreach (var nik in niks) Assert.Contains($"serialNumber={nik}", pdfsig.Stdout);
    }

    private Task<string?> SignedPathAsync(Guid id) => host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'");

    [Fact]
    public async Task Approve_SignsWithTheOfficialsBsreCertificate_AfterAWrongPassphraseAndAnOutage_AndTheSecretIsStoredNowhere()
    {
        var (id, title, original) = await host.DropAsync("pdflatex-4-pages.pdf");
        var token = await host.LinkAsync(id, Official, title);
        using var phone = host.Client();

        var (_, page, _) = await phone.GetAsync($"/approve/{token}");
        Assert.Contains("type=\"password\" id=\"passphrase\" name=\"passphrase\" autocomplete=\"off\"", page);
        Assert.Contains("Passphrase TTE", page);
        Assert.Contains($"ditandatangani secara elektronik atas nama Anda ({BsreTestPki.Official.Name}, Kepala Dinas) menggunakan sertifikat BSrE", page);

        var wrong = "salah-" + Guid.NewGuid().ToString("N")[..10];
        var (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: wrong);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Passphrase TTE salah", body);
        Assert.Equal("Waiting", await host.StepStateAsync(id));
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));

        (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: "");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Masukkan Passphrase TTE", body);

        host.Service.Mode = BsreTestMode.Down;
        try
        {
            (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("tidak dapat dihubungi", body);
            Assert.Equal("Waiting", await host.StepStateAsync(id));
        }
        finally { host.Service.Mode = BsreTestMode.Normal; }

        (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("tandatangani secara elektronik", body);
        await host.WaitForStateAsync(id, "Filed");
        AssertBsreSigned((await SignedPathAsync(id))!, original, BsreTestPki.Official.Nik);
        var kept = Path.Combine(host.Worker.Options.DataDirectory, "signed-at-approval");
        await Eventually.Async(() => Task.FromResult(Directory.GetFiles(kept, $"{id:N}-*").Length), n => n == 0, TimeSpan.FromSeconds(10), "kept outputs removed after filing");

        Assert.Empty(await SecretLeakSearch.FindAsync(host.Database, host.Config, host.Service.Passphrase));
        Assert.Empty(await SecretLeakSearch.FindAsync(host.Database, host.Config, wrong));
    }

    [Fact]
    public async Task Approve_SignsOnce_WhenTheOfficialTapsTwice()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        var token = await host.LinkAsync(id, Official, title);
        using var first = host.Client();
        using var second = host.Client();
        var before = host.Service.Signed;
        var taps = await Task.WhenAll(
            first.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase),
            second.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase));
        Assert.Contains(taps, t => t.Status == HttpStatusCode.OK);
        await host.WaitForStateAsync(id, "Filed");
        Assert.Equal(before + 1, host.Service.Signed);
    }

    [Theory]
    [InlineData(BsreTestMode.Rewritten)]
    [InlineData(BsreTestMode.OtherCertificate)]
    public async Task Approve_FilesNothing_WhenTheServiceReturnsAnOutputThePortRefuses(BsreTestMode mode)
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        var token = await host.LinkAsync(id, Official, title);
        using var phone = host.Client();
        host.Service.Mode = mode;
        try
        {
            var (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase);
            Assert.Equal(HttpStatusCode.BadGateway, status);
            Assert.Contains("Operator telah diberi tahu", body);
        }
        finally { host.Service.Mode = BsreTestMode.Normal; }
        Assert.Equal("Waiting", await host.StepStateAsync(id));
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));
        Assert.Null(await SignedPathAsync(id));
        var alert = await host.Smtp.WaitForAsync(BsreSigningHost.Operator, id.ToString());
        Assert.Contains("signed output refused", alert[^1].TextBody);
    }

    [Fact]
    public async Task Approve_FilesOurFootnoteUnderTheOfficialsBsreSignature_AndOurVerifySaysItIsValid()
    {
        var (id, title, original) = await host.DropAsync("pdflatex-4-pages.pdf");
        var token = await host.LinkAsync(id, Official, title);
        using var phone = host.Client();
        var (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase);
        Assert.True(status == HttpStatusCode.OK, body);
        await host.WaitForStateAsync(id, "Filed");
        var filed = (await SignedPathAsync(id))!;

        // Starts with the approved bytes; pdfsig trusts the official's signature over them and our footnote revision.
        AssertBsreSigned(filed, original, BsreTestPki.Official.Nik);
        var footnote = ExternalTool.RunOk("pdftotext", "-f", "4", "-l", "4", filed, "-");
        Assert.Contains(Worker.Configuration.StampOptions.BsreFootnote, Pdf.Stamp.StampRendering.Flat(footnote));
        var trust = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        trust.ImportFromPemFile(BsreTestPki.Instance.CaPem);
        var verdict = Assert.Single(Worker.Pdf.Verification.PdfSignatureVerifier.Verify(filed, trust), v => !v.IsDocumentTimestamp);
        Assert.True(verdict.IsValid, verdict.Summary);
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(filed)), "file", "surat.pdf" } };
        var check = await (await http.PostAsync("/verify", form)).Content.ReadAsStringAsync();
        Assert.Contains(Worker.Pdf.Verification.VerdictWords.Valid, check);
        Assert.DoesNotContain(Worker.Pdf.Verification.VerdictWords.Invalid, check);
    }

    [Fact]
    public async Task SignEach_GivesTwoValidBsreSignatures_WhenTwoOfficialsApproveWithTheirPassphrases()
    {
        var (id, title, original) = await host.DropAsync("minimal-document.pdf", route: "dua-pejabat");
        using var phone = host.Client();
        var token = await host.LinkAsync(id, Official, title);
        var (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase);
        Assert.True(status == HttpStatusCode.OK, body);
        token = await host.LinkAsync(id, SigningHost.SecondApprover, title, sendsBefore: 1);
        (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase);
        Assert.True(status == HttpStatusCode.OK, body);
        await host.WaitForStateAsync(id, "Filed");
        AssertBsreSigned((await SignedPathAsync(id))!, original, BsreTestPki.Official.Nik, BsreTestPki.Other.Nik);
    }

    [Fact]
    public async Task Approve_PausesTheLinkAndTellsOperatorsAndTheOfficial_AfterFiveWrongPassphrases()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        var token = await host.LinkAsync(id, Official, title);
        using var phone = host.Client();
        for (var i = 1; i < Worker.Approval.SecretApproval.MaxWrong; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await phone.PostAsync(token, "approve", confirm: true, passphrase: $"salah-{i}")).Status);
        var (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: "salah-5");
        Assert.Equal(HttpStatusCode.Locked, status);
        Assert.Contains("dihentikan sementara", body);

        // Even the right passphrase no longer reaches the service through this link.
        var before = host.Service.Signed;
        (status, _) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase);
        Assert.Equal(HttpStatusCode.Locked, status);
        Assert.Equal(before, host.Service.Signed);
        Assert.Equal("Waiting", await host.StepStateAsync(id));
        Assert.NotEmpty(await host.Smtp.WaitForAsync(BsreSigningHost.Operator, "Penandatanganan dihentikan"));
        Assert.NotEmpty(await host.Smtp.WaitForAsync(Official, "Penandatanganan dihentikan"));

        // Each wrong try and the pause are in the audit trail, with the approver and never what was typed.
        var audit = await host.Database.ScalarAsync<string>(
            $"SELECT string_agg(actor || ' ' || action || ': ' || detail, E'\\n' ORDER BY seq) FROM worker.audit_events WHERE document_id = '{id}'");
        for (var i = 1; i <= Worker.Approval.SecretApproval.MaxWrong; i++) Assert.Contains($"{Official} secret-wrong: step 1: try {i} of 5", audit);
        Assert.Contains($"{Official} signing-paused: step 1: the link signs no more after 5 wrong tries", audit);
        Assert.DoesNotContain("salah-", audit);
    }

    [Fact]
    public async Task SignersCheck_SaysEachSignerIsReady_AndNamesTheBsreSignerThatIsNot_WhenItsServiceIsDown()
    {
        var config = host.Config.Write();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(Worker.Cli.ExitCode.Done, await Worker.Cli.CommandLine.RunAsync(["signers", "check", "--config", config], stdout, stderr));
        Assert.Contains("kadis-bsre (Bsre): siap / ready: service answers, certificate ISSUE", stdout.ToString());
        Assert.Contains("demo (Pkcs12): siap / ready", stdout.ToString());
        using var http = new HttpClient();
        var ready = await http.GetAsync($"{host.Config.BaseUrl}/health/ready");
        Assert.Contains("\"signers\"", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        host.Service.Mode = BsreTestMode.Down;
        try
        {
            (stdout, stderr) = (new StringWriter(), new StringWriter());
            Assert.Equal(Worker.Cli.ExitCode.Unexpected, await Worker.Cli.CommandLine.RunAsync(["signers", "check", "kadis-bsre", "--config", config], stdout, stderr));
            Assert.StartsWith("kadis-bsre (Bsre): Layanan tanda tangan BSrE tidak tersedia", stderr.ToString());
            // /health/ready reports the watch's last check (every Signing:CheckEvery); run one now instead of waiting minutes.
            await host.Worker.App.Services.GetRequiredService<Worker.Signing.Watch.SignerWatch>().CheckAsync(CancellationToken.None);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync($"{host.Config.BaseUrl}/health/ready")).StatusCode);
        }
        finally
        {
            host.Service.Mode = BsreTestMode.Normal;
            // Later tests of this host approve: the watch must not keep the signer marked as unable to sign.
            await host.Worker.App.Services.GetRequiredService<Worker.Signing.Watch.SignerWatch>().CheckAsync(CancellationToken.None);
        }
    }
}
