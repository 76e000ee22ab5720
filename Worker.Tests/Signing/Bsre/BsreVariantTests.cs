using System.Net;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>
/// Over HTTP as a phone does it: a TOTP code BSrE sends on "Kirim kode"; a Mode=All route whose last approver may sign
/// only once the others have approved (through API v1); a certificate BSrE reports as EXPIRED, said before anything is typed.
/// </summary>
public sealed class BsreVariantTests(BsreVariantsHost host) : IClassFixture<BsreVariantsHost>
{
    private Task<string?> SignedPathAsync(Guid id) => host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'");

    private static void AssertSignedBy(string path, byte[] original, string nik)
    {
        Assert.True(File.ReadAllBytes(path).AsSpan(0, original.Length).SequenceEqual(original), "the filed file must start with the approved bytes");
        var pdfsig = ExternalTool.Run("pdfsig", "-nssdir", "sql:" + BsreTestPki.Instance.NssDirectory, path);
        Assert.Contains("Signature is Valid", pdfsig.Stdout);
        Assert.Contains("Certificate is Trusted", pdfsig.Stdout);
        Assert.Contains($"serialNumber={nik}", pdfsig.Stdout);
    }

    private Task<string?> AuditAsync(Guid id) => host.Database.ScalarAsync<string>(
        $"SELECT string_agg(action || ': ' || detail, E'\\n' ORDER BY seq) FROM worker.audit_events WHERE document_id = '{id}'");

    [Fact]
    public async Task Approve_SignsWithTheTotpCodeBsreSent_AfterKirimKodeAndAWrongCode()
    {
        var (id, title, original) = await host.DropAsync("minimal-document.pdf");
        var token = await host.LinkAsync(id, SigningHost.Approver, title);
        using var phone = host.Client();

        var (_, page, _) = await phone.GetAsync($"/approve/{token}");
        Assert.Contains("Kode TOTP", page);
        Assert.Contains("value=\"sendcode\"", page);
        Assert.Contains("name=\"passphrase\" autocomplete=\"off\" inputmode=\"numeric\"", page);
        Assert.Null(host.Service.SentCode(BsreTestPki.Official.Nik));

        var (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: "");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Tekan Kirim kode", body);

        (status, body) = await phone.PostAsync(token, "sendcode", confirm: false);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("Kode TOTP telah dikirim", body);
        var code = host.Service.SentCode(BsreTestPki.Official.Nik);
        Assert.NotNull(code);

        var wrong = "kode-salah-" + Guid.NewGuid().ToString("N")[..8];
        (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: wrong);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Kode TOTP salah", body);
        Assert.Equal("Waiting", await host.StepStateAsync(id));

        (status, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: code);
        Assert.True(status == HttpStatusCode.OK, body);
        await host.WaitForStateAsync(id, "Filed");
        AssertSignedBy((await SignedPathAsync(id))!, original, BsreTestPki.Official.Nik);

        // The wrong try is in the audit trail, without what was typed.
        var audit = await AuditAsync(id);
        Assert.Contains("secret-wrong: step 1: try 1 of 5", audit);
        Assert.DoesNotContain(wrong, audit);
        Assert.Empty(await SecretLeakSearch.FindAsync(host.Database, host.Config, code!));
        Assert.Empty(await SecretLeakSearch.FindAsync(host.Database, host.Config, wrong));
    }

    [Fact]
    public async Task SendCode_SaysTheServiceCannotBeReached_AndChangesNothing_WhenBsreIsDown()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf");
        var token = await host.LinkAsync(id, SigningHost.Approver, title);
        using var phone = host.Client();
        host.Service.Mode = BsreTestMode.Down;
        try
        {
            var (status, body) = await phone.PostAsync(token, "sendcode", confirm: false);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("tidak dapat dihubungi", body);
            Assert.Contains("name=\"passphrase\"", body);
        }
        finally { host.Service.Mode = BsreTestMode.Normal; }
        Assert.Equal("Waiting", await host.StepStateAsync(id));
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));
    }

    [Fact]
    public async Task Approve_InModeAll_SignsOnlyAtTheLastPendingApproval_EvenWhenTheSignerOpensTheLinkFirst()
    {
        var (id, title, original) = await host.DropAsync("minimal-document.pdf", route: "dua-pejabat");
        var first = await host.LinkAsync(id, SigningHost.Approver, title);
        var last = ApprovalClient.TokenFrom((await host.Smtp.WaitForAsync(SigningHost.SecondApprover, title))[^1]);
        // Both links are sent at once (Mode=All); a link works once its send is recorded.
        await host.SentRecordedAsync(id, 2);
        using var phone = host.Client();

        // The last approver (who signs) comes first: told to wait, nothing to type, nothing signed.
        var (_, page, _) = await phone.GetAsync($"/approve/{last}");
        Assert.Contains("still waiting for 1 other approver", page);
        Assert.DoesNotContain("name=\"passphrase\"", page);
        Assert.DoesNotContain("value=\"approve\"", page);
        var calls = host.Service.Signed;
        var (status, body) = await phone.PostAsync(last, "approve", confirm: true, passphrase: host.Service.Passphrase);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("still waiting", body);
        Assert.Equal(calls, host.Service.Signed);
        Assert.Equal("Waiting", await host.StepStateAsync(id, position: 2));

        (status, body) = await phone.PostAsync(first, "approve", confirm: true);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("AwaitingApproval", await host.StateAsync(id));

        (_, page, _) = await phone.GetAsync($"/approve/{last}");
        Assert.Contains("name=\"passphrase\"", page);
        (status, body) = await phone.PostAsync(last, "approve", confirm: true, passphrase: host.Service.Passphrase);
        Assert.True(status == HttpStatusCode.OK, body);
        await host.WaitForStateAsync(id, "Filed");
        AssertSignedBy((await SignedPathAsync(id))!, original, BsreTestPki.Other.Nik);
        // Signed through the v1 install: multipart, stamp as imageTTD.
        Assert.Equal("visible", host.Service.LastV1Fields["tampilan"]);
    }

    [Fact]
    public async Task Page_SaysTheCertificateIsExpiredBeforeAnythingIsTyped_AndTellsOperatorsOnce()
    {
        var (id, title, _) = await host.DropAsync("minimal-document.pdf", route: "kadaluarsa");
        var token = await host.LinkAsync(id, SigningHost.Approver, title);
        using var phone = host.Client();

        var (status, page, _) = await phone.GetAsync($"/approve/{token}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("berstatus EXPIRED", page);
        Assert.DoesNotContain("name=\"passphrase\"", page);
        Assert.DoesNotContain("value=\"approve\"", page);
        Assert.Contains("value=\"reject\"", page);

        var calls = host.Service.Signed;
        var (posted, body) = await phone.PostAsync(token, "approve", confirm: true, passphrase: host.Service.Passphrase);
        Assert.Equal(HttpStatusCode.Conflict, posted);
        Assert.Contains("berstatus EXPIRED", body);
        Assert.Equal(calls, host.Service.Signed);
        Assert.Equal("Waiting", await host.StepStateAsync(id));

        await host.Smtp.WaitForAsync(BsreSigningHost.Operator, "berstatus EXPIRED");
        (_, page, _) = await phone.GetAsync($"/approve/{token}");
        Assert.Contains("berstatus EXPIRED", page);
        // Told once: the later page views and the refused post sent nothing more (the alert is sent before the page answers).
        Assert.Single(host.Smtp.Matching(BsreSigningHost.Operator, "berstatus EXPIRED"));
    }
}
