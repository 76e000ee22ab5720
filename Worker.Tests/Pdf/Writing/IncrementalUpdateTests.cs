using Worker.Cli;
using Worker.Pdf;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Writing;

/// <summary>The writer never numbers an object past the PDF limit (the fuzzed-file case: exit 0 with an output no one else could read).</summary>
public sealed class IncrementalUpdateTests
{
    [Fact]
    public async Task Allocate_RefusesAsDamaged_WhenTheTrailerSizeIsPastTheObjectNumberLimit()
    {
        using var temp = new TempDirectory();
        using var rsa = DemoPki.Instance.Rsa.Open();
        var input = temp.File("huge.pdf");
        File.WriteAllBytes(input, BrokenPdfs.HugeSize());

        var e = await Assert.ThrowsAsync<PdfRefusedException>(() => TestSigning.SignAsync(input, temp.File("out.pdf"), rsa));

        Assert.Equal(PdfRefusal.Damaged, e.Kind);
        Assert.Contains("beyond the PDF limit of 8,388,607", e.Message);
        Assert.Equal(["huge.pdf"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Sign_ExitsWithInputRefused_WhenTheTrailerSizeIsPastTheObjectNumberLimit()
    {
        using var temp = new TempDirectory();
        var input = temp.File("huge.pdf");
        File.WriteAllBytes(input, BrokenPdfs.HugeSize());
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["sign", input, "-o", temp.File("out.pdf"),
            "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", DemoPki.Instance.Rsa.PasswordFile], TextWriter.Null, stderr);

        Assert.Equal(ExitCode.InputRefused, code);
        Assert.Single(stderr.ToString().Trim().Split('\n'));
        Assert.False(File.Exists(temp.File("out.pdf")));
    }
}
