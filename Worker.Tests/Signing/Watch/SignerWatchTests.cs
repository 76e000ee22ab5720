using System.Net;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Signing.Bsre;
using Worker.Tests.Signing.Pkcs11;
using Worker.Tests.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Signing.Watch;

/// <summary>
/// Signers are checked before anyone approves: a token that goes away, a wrong PKCS#12 password, an expired certificate or
/// an unreachable BSrE service makes /health/ready 503 naming the signer within a check, sets its gauge to 0, mails the
/// operators once, and makes the route's approval page refuse; the fix turns everything back.
/// </summary>
[Collection(SoftHsmCollection.Name)]
public sealed class SignerWatchTests(SignerWatchHost host) : IClassFixture<SignerWatchHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Token_SignsTheFiledDocument_AndTurnsRedAndBackGreen_WhenItsStorageGoesAndReturns()
    {
        await AllGreenAsync();
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed", Patience);
        var signed = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;
        SignedPdf.AssertPdfSigValid(signed, 1);
        Assert.Contains("Second Signer RSA", SignedPdf.PdfSig(signed));

        var (waiting, _, token) = await host.SubmitAndReadLinkAsync();
        var opened = await OpenPageAsync(token);
        // Out of the tokens folder: SoftHSM2 takes every folder in it for a token.
        var away = Path.Combine(SoftHsm.Instance.Directory, "away-" + host.Token.Label);
        Directory.Move(host.Token.StorageDirectory, away);
        try
        {
            await ReportsBadAsync("kadis-hsm", host.Token.Label);
            await RefusesApprovalAsync(waiting, token, opened);
            Assert.NotEmpty(await host.Smtp.WaitForAsync(SignerWatchHost.Operator, "Signer kadis-hsm cannot sign", timeout: Patience));
        }
        finally
        {
            Directory.Move(away, host.Token.StorageDirectory);
        }
        await AllGreenAsync();
        Assert.Contains("worker_signer_ready{signer=\"kadis-hsm\"} 1", await MetricsAsync());
        Assert.NotEmpty(await host.Smtp.WaitForAsync(SignerWatchHost.Operator, "Signer kadis-hsm recovered", timeout: Patience));
        using var phone = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/approve/{token}")).Status);
    }

    [Fact]
    public async Task WrongPkcs12Password_MakesReadyFailNamingTheSigner_AndTheApprovalPageRefuse()
    {
        await AllGreenAsync();
        var (id, _, token) = await host.SubmitAndReadLinkAsync("dua-pejabat");
        var opened = await OpenPageAsync(token);
        var password = await File.ReadAllTextAsync(host.DemoPasswordFile);
        await File.WriteAllTextAsync(host.DemoPasswordFile, "bukan-kata-sandinya\n");
        try
        {
            await ReportsBadAsync("demo", "wrong password");
            await RefusesApprovalAsync(id, token, opened);
        }
        finally
        {
            await File.WriteAllTextAsync(host.DemoPasswordFile, password);
        }
        await AllGreenAsync();
    }

    [Fact]
    public async Task ExpiredCertificate_MakesReadyFailNamingTheSigner_AndTheApprovalPageRefuse()
    {
        await AllGreenAsync();
        var (id, _, token) = await host.SubmitAndReadLinkAsync("dua-pejabat");
        var opened = await OpenPageAsync(token);
        var (pkcs12, password) = (await File.ReadAllBytesAsync(host.DemoPkcs12), await File.ReadAllTextAsync(host.DemoPasswordFile));
        using (var authority = TestPki.SelfSigned(TestCertificate.Authority(TestPki.DemoName(DemoPki.RootName))))
        using (var expired = authority.Issue(new TestCertificate(TestPki.DemoName("Kedaluwarsa"))
                   { NotBefore = DateTimeOffset.UtcNow.AddDays(-60), NotAfter = DateTimeOffset.UtcNow.AddDays(-1) }))
            new KeyFiles(host.DemoPkcs12, host.DemoPasswordFile).Write(expired, authority);
        try
        {
            await ReportsBadAsync("demo", "expired on");
            await RefusesApprovalAsync(id, token, opened);
        }
        finally
        {
            await File.WriteAllBytesAsync(host.DemoPkcs12, pkcs12);
            await File.WriteAllTextAsync(host.DemoPasswordFile, password);
        }
        await AllGreenAsync();
    }

    [Fact]
    public async Task UnreachableBsre_MakesReadyFailNamingTheSigner_AndTheApprovalPageRefuse()
    {
        await AllGreenAsync();
        var (id, _, token) = await host.SubmitAndReadLinkAsync("dua-pejabat");
        var opened = await OpenPageAsync(token);
        host.Bsre.Mode = BsreTestMode.Down;
        try
        {
            await ReportsBadAsync("kadis-bsre", "kadis-bsre (Bsre)");
            await RefusesApprovalAsync(id, token, opened);
        }
        finally
        {
            host.Bsre.Mode = BsreTestMode.Normal;
        }
        await AllGreenAsync();
    }

    private async Task AllGreenAsync() =>
        await Eventually.Async(ReadyAsync, r => r.Status == HttpStatusCode.OK, Patience, "every signer ready");

    // 503 naming the signer (and the reason), and its gauge at 0.
    private async Task ReportsBadAsync(string signer, string reason)
    {
        var (_, body) = await Eventually.Async(ReadyAsync, r => r.Status == HttpStatusCode.ServiceUnavailable && r.Body.Contains(reason), Patience,
            $"/health/ready 503 for {signer}");
        Assert.Contains($"{signer} (", body);
        Assert.Contains($"worker_signer_ready{{signer=\"{signer}\"}} 0", await MetricsAsync());
    }

    // The page opened while the signer was fine, for the form a phone left open would post.
    private async Task<(ApprovalClient Phone, string Page)> OpenPageAsync(string token)
    {
        var phone = host.Client();
        var (status, page, _) = await phone.GetAsync($"/approve/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        return (phone, page);
    }

    // The page says signing is unavailable (Indonesian first), and approving from a page opened earlier changes nothing.
    private async Task RefusesApprovalAsync(Guid id, string token, (ApprovalClient Phone, string Page) opened)
    {
        using var phone = opened.Phone;
        var (status, body, _) = await phone.GetAsync($"/approve/{token}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Penandatanganan elektronik sedang tidak tersedia", body);
        Assert.DoesNotContain("name=\"decision\"", body);
        (status, body) = await phone.PostAsync(token, "approve", confirm: true, openedEarlier: opened.Page);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Electronic signing is unavailable right now", body);
        Assert.Equal("Waiting", await host.StepStateAsync(id));
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));
    }

    private async Task<(HttpStatusCode Status, string Body)> ReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        var response = await http.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> MetricsAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Config.BaseUrl) };
        return await http.GetStringAsync("/metrics");
    }
}
