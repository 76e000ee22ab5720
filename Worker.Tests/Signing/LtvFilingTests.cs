using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Worker.Pdf.Verification;
using Worker.Signing;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Signing;

/// <summary>With a TSA configured, filing gives B-LTA, and the archive job re-timestamps a file whose TSA certificate nears expiry.</summary>
public sealed class LtvFilingTests(LtaSigningHost host) : IClassFixture<LtaSigningHost>
{
    [Fact]
    public async Task Filing_GivesBLta_AndTheArchiveJobRetimestampsBesideTheFile()
    {
        var (id, title, original) = await host.DropAsync("pdflatex-outline.pdf");
        await host.ApproveAsync(id, SigningHost.Approver, title);
        await host.WaitForStateAsync(id, "Filed");
        var filed = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;
        var trust = new X509Certificate2Collection();
        trust.ImportFromPemFile(DemoPki.Instance.CaPem);
        trust.ImportFromPemFile(host.TsaCaPem);

        var results = PdfSignatureVerifier.Verify(filed, trust);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, r.Summary));
        Assert.Equal("B-LTA", results[0].Level);
        Assert.True(results[1].IsDocumentTimestamp && results[1].CoversWholeFile);
        Assert.True((await File.ReadAllBytesAsync(filed)).AsSpan(0, original.Length).SequenceEqual(original));
        Assert.Equal("/DSS", Catalog(filed));
        Assert.Matches("Signature #1:(.|\n)*Signature Validation: Signature is Valid", SignedPdf.PdfSig(filed));

        var renewed = await host.Worker.App.Services.GetRequiredService<ArchiveRenewal>().RunAsync(CancellationToken.None);

        Assert.Equal(1, renewed);
        var newest = (await host.Database.ScalarAsync<string>($"SELECT signed_path FROM worker.documents WHERE id = '{id}'"))!;
        Assert.NotEqual(filed, newest);
        Assert.Equal(Path.GetDirectoryName(filed), Path.GetDirectoryName(newest));
        Assert.True(File.Exists(filed), "the earlier archived file is never replaced");
        Assert.True(PdfSignatureVerifier.Verify(filed, trust).All(r => r.IsValid));
        var again = PdfSignatureVerifier.Verify(newest, trust);
        Assert.Equal(3, again.Count);
        Assert.All(again, r => Assert.True(r.IsValid, r.Summary));
        Assert.Equal(2, again.Count(r => r.IsDocumentTimestamp));
        Assert.Equal(1L, await host.Database.ScalarAsync<long>($"SELECT count(*) FROM worker.audit_events WHERE document_id = '{id}' AND action = 'renewed'"));
    }

    // qpdf shows the catalog as the file resolves it; the DSS must be in it.
    private static string Catalog(string path)
    {
        var trailer = ExternalTool.Run("qpdf", "--show-object=trailer", path).Stdout;
        var root = System.Text.RegularExpressions.Regex.Match(trailer, @"/Root (\d+) 0 R").Groups[1].Value;
        return ExternalTool.Run("qpdf", $"--show-object={root}", path).Stdout.Contains("/DSS") ? "/DSS" : "";
    }
}
