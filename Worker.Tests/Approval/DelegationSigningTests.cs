using Worker.Filing;
using Worker.Tests.Support;

namespace Worker.Tests.Approval;

/// <summary>A whole delegated request on a running worker: the deputy gets the link and signs, the official gets a copy that decides nothing.</summary>
[Collection(DelegationCollection.Name)]
public sealed class DelegationSigningTests(DelegationHost host)
{
    [Fact]
    public async Task Deputy_SignsAnDuringTheWindow_AndThePageStampAndVerifyPageSayOnWhoseBehalf()
    {
        var (id, title) = await host.SubmitAsync();
        var invite = (await host.Smtp.WaitForAsync(DelegationHost.Deputy, title))[0];
        var copy = (await host.Smtp.WaitForAsync(ApprovalHost.Approver, title))[0];
        await host.SentRecordedAsync(id, 2);

        // The official's copy names the deputy and carries no link: nothing in it can open or decide the request.
        Assert.StartsWith("Salinan", copy.Subject);
        Assert.Contains(DelegationHost.DeputyName, copy.TextBody);
        Assert.DoesNotContain("/approve/", copy.TextBody + copy.HtmlBody);
        Assert.Single(host.Smtp.Matching(ApprovalHost.Approver, title));

        using var client = host.Client();
        // The page tells the deputy in whose name he signs, before he decides.
        var (pageStatus, page, _) = await client.GetAsync($"/approve/{ApprovalClient.TokenFrom(invite)}");
        Assert.True(pageStatus == System.Net.HttpStatusCode.OK, page);
        Assert.Contains("Anda menandatangani sebagai a.n. Kepala Dinas, Sekretaris (atas nama Demo Signer).", System.Net.WebUtility.HtmlDecode(page));

        var (status, body) = await client.PostAsync(ApprovalClient.TokenFrom(invite), "approve", confirm: true);
        Assert.True(status == System.Net.HttpStatusCode.OK, body);
        await Eventually.Async(() => host.StateAsync(id), s => s == "Filed", TimeSpan.FromSeconds(120), "Filed");

        var signed = await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'");
        var text = await StampTextAsync(signed!);
        Assert.Contains("a.n. Kepala Dinas", text);
        Assert.Contains(DelegationHost.DeputyName, text);
        // The deputy's own NIP and rank under his name, never the official's.
        Assert.Contains($"NIP. {DelegationHost.DeputyNip}", text);
        Assert.Contains("Pembina (IV/a)", text);
        Assert.DoesNotContain(DelegationHost.OfficialNip, text);
        Assert.DoesNotContain("Utama Muda", text);

        var (_, verify, _) = await client.GetAsync($"/verify/{id}");
        Assert.Contains("a.n. Kepala Dinas, Sekretaris", System.Net.WebUtility.HtmlDecode(verify));
        Assert.Contains(DelegationHost.DeputyName, System.Net.WebUtility.HtmlDecode(verify));
        Assert.Equal([DelegationHost.Deputy], await host.ActorsAsync(id, "approved"));
        Assert.Contains("on behalf of kadis@example.go.id", await host.Database.ScalarAsync<string>(
            $"SELECT detail FROM worker.audit_events WHERE document_id = '{id}' AND action = 'approved'"));
    }

    /// <summary>The signed file's text as poppler's pdftotext reads it (the stamp's appearance included), with single spaces.</summary>
    private static async Task<string> StampTextAsync(string signedPdf)
    {
        var words = Path.Combine(Path.GetTempPath(), $"stamp-{Guid.NewGuid():N}.txt");
        try
        {
            var text = await ExternalProgram.RunAsync("pdftotext", [signedPdf, words], TimeSpan.FromSeconds(120), CancellationToken.None);
            Assert.True(text.ExitCode == 0, text.Output);
            // A wrapped stamp line comes out as two lines.
            return string.Join(' ', (await File.ReadAllTextAsync(words)).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(words);
        }
    }
}
