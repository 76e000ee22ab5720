using Worker.Cli;
using Worker.Pdf.Keys;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Cli;

public class DevCertsCommandTests
{
    [Fact]
    public async Task RunAsync_CreatesUsableSigners_AndOverwritesNothingTheSecondTime()
    {
        using var temp = new TempDirectory();
        var dir = temp.File("certs");

        Assert.Equal(ExitCode.Done, await CommandLine.RunAsync(["dev-certs", dir], TextWriter.Null, TextWriter.Null));
        var first = Directory.GetFiles(dir).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(ExitCode.Done, await CommandLine.RunAsync(["dev-certs", dir], TextWriter.Null, TextWriter.Null));

        foreach (var name in new[] { "ca.pem", "signer.p12", "signer.pass", "signer-ec.p12", "signer-ec.pass" })
            Assert.True(File.Exists(Path.Combine(dir, name)), name);
        Assert.All(first, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
        using var rsa = Pkcs12DigestSigner.Open(Path.Combine(dir, "signer.p12"), Path.Combine(dir, "signer.pass"));
        using var ec = Pkcs12DigestSigner.Open(Path.Combine(dir, "signer-ec.p12"), Path.Combine(dir, "signer-ec.pass"));
        Assert.Equal(SignatureScheme.RsaPkcs1, rsa.Scheme);
        Assert.Equal(SignatureScheme.Ecdsa, ec.Scheme);
        Assert.Equal(32, File.ReadAllText(Path.Combine(dir, "signer.pass")).Trim().Length);
    }
}
