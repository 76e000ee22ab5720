using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Worker.Cli;
using Worker.Pdf.Keys;
using Worker.Pdf.Ltv;
using Worker.Pdf.Pades;
using Worker.Pdf.Revocation;
using Worker.Pdf.Timestamps;
using Worker.Pdf.Verification;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;
using Worker.Tests.Support.Pki;

namespace Worker.Tests.Cli;

/// <summary>
/// <c>dev-certs DIR --ocsp-url --crl-url</c> makes what scripts/run.sh serves: with openssl's OCSP responder and the demo
/// TSA (scripts/demo-tsa.py) started from those files exactly as run.sh starts them, a demo signature reaches B-LTA.
/// </summary>
public sealed class DevCertsServicesTests
{
    [Fact]
    public async Task DevCerts_MakesFilesWithWhichTheDemoServicesTakeASignatureToBLta()
    {
        using var temp = new TempDirectory();
        var dir = temp.File("certs");
        string P(string name) => Path.Combine(dir, name);
        var ocspPort = FreeLoopbackPort.Next();
        var tsaPort = FreeLoopbackPort.Next();
        while (tsaPort == ocspPort) tsaPort = FreeLoopbackPort.Next();
        var ocspUrl = $"http://127.0.0.1:{ocspPort}/";
        var crlUrl = "http://127.0.0.1:9/ca.crl";

        var code = await CommandLine.RunAsync(["dev-certs", dir, "--ocsp-url", ocspUrl, "--crl-url", crlUrl], TextWriter.Null, TextWriter.Null);

        Assert.Equal(ExitCode.Done, code);
        using (var signer = Signer(P("signer.p12"), P("signer.pass")))
        {
            Assert.Equal([ocspUrl], signer.Extensions.OfType<X509AuthorityInformationAccessExtension>().Single().EnumerateOcspUris());
            Assert.Contains(crlUrl, System.Text.Encoding.ASCII.GetString(signer.Extensions["2.5.29.31"]!.RawData));
        }
        var crl = ExternalTool.Run("openssl", "crl", "-inform", "DER", "-in", P("crl/ca.crl"), "-CAfile", P("ca.pem"), "-noout");
        Assert.True(crl.ExitCode == 0 && crl.Output.Contains("verify OK", StringComparison.Ordinal), crl.Output);

        using var ocsp = OpensslOcspResponder.Start(P("index.txt"), P("ocsp.pem"), P("ocsp-key.pem"), P("ca.pem"), ocspPort);
        using var tsa = StartDemoTsa(dir, tsaPort);
        try
        {
            var trust = new X509Certificate2Collection();
            trust.ImportFromPemFile(P("ca.pem"));
            using var http = new HttpClient();
            var stamper = new HttpTimeStamper(http, new Uri($"http://127.0.0.1:{tsaPort}/"), TimeSpan.FromSeconds(60));
            using (var key = new KeyFiles(P("signer.p12"), P("signer.pass")).Open())
                await PdfSigner.SignAsync(new PdfSignRequest
                {
                    InputPath = RepoPaths.CorpusFile("habibi.pdf"), OutputPath = temp.File("signed.pdf"), Signer = key, TrustAnchors = trust,
                    TimeStamper = stamper,
                });

            var result = await LtvAugmenter.AugmentAsync(temp.File("signed.pdf"), temp.File("lta.pdf"), LtvLevel.LTA,
                new LtvCollector(trust, new OnlineRevocationChecker(http, TimeSpan.FromSeconds(30))), stamper, CancellationToken.None);

            Assert.True(result.Reached == LtvLevel.LTA, string.Join("; ", result.Problems));
            var results = PdfSignatureVerifier.Verify(temp.File("lta.pdf"), trust);
            Assert.All(results, r => Assert.True(r.IsValid, r.Summary));
            Assert.Equal(RevocationStatus.Good, results[0].Revocation);
            Assert.Equal("B-LTA", results[0].Level);
        }
        finally
        {
            ocsp.Kill();
            tsa.Kill();
        }
    }

    private static X509Certificate2 Signer(string p12, string pass) =>
        X509CertificateLoader.LoadPkcs12CollectionFromFile(p12, File.ReadAllText(pass).Trim(), X509KeyStorageFlags.EphemeralKeySet)
            .Single(c => c.HasPrivateKey);

    private static Process StartDemoTsa(string certs, int port)
    {
        var info = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-u", Path.Combine(RepoPaths.Root, "scripts", "demo-tsa.py"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--certs", certs })
            info.ArgumentList.Add(arg);
        var ready = new ManualResetEventSlim();
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start python3");
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("listening on", StringComparison.Ordinal) == true) ready.Set(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Assert.True(ready.Wait(TimeSpan.FromSeconds(60)) && !process.HasExited, "scripts/demo-tsa.py did not start listening");
        return process;
    }
}
