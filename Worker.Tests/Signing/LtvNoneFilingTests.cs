using System.Security.Cryptography.X509Certificates;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Signing;

/// <summary>A route with <c>Ltv: None</c> files the signed letter as signed, even with a TSA configured (which would default to B-LTA).</summary>
public sealed class LtvNoneFilingTests(NoLtvSigningHost host) : IClassFixture<NoLtvSigningHost>
{
    [Fact]
    public async Task Filing_AddsNoDssAndNoDocumentTimestamp_WhenTheRouteSaysLtvNone()
    {
        var (id, title, original) = await host.DropAsync("pdflatex-outline.pdf");
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed");
        var filed = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;
        var trust = new X509Certificate2Collection();
        trust.ImportFromPemFile(DemoPki.Instance.CaPem);
        trust.ImportFromPemFile(host.TsaCaPem);

        var result = Assert.Single(PdfSignatureVerifier.Verify(filed, trust));
        Assert.True(result.IsValid, result.Summary);
        Assert.False(result.IsDocumentTimestamp);
        // The TSA still timestamps the signature itself.
        Assert.Equal("B-T", result.Level);
        var trailer = ExternalTool.Run("qpdf", "--show-object=trailer", filed).Stdout;
        var root = System.Text.RegularExpressions.Regex.Match(trailer, @"/Root (\d+) 0 R").Groups[1].Value;
        Assert.NotEmpty(root);
        Assert.DoesNotContain("/DSS", ExternalTool.Run("qpdf", $"--show-object={root}", filed).Stdout);
        Assert.Equal(0L, await host.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM worker.audit_events WHERE document_id = '{id}' AND action = 'ltv-short'"));
        Assert.True((await File.ReadAllBytesAsync(filed)).AsSpan(0, original.Length).SequenceEqual(original));
    }
}
