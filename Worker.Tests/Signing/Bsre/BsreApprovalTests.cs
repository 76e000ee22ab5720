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
}
