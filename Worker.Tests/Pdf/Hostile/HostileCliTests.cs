using Worker.Cli;
using Worker.Tests.Pdf.Support;
using Xunit.Abstractions;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Hostile;

/// <summary>Each hostile shape through the real executable: refused with exit 3 and one line, in bounded time and memory.</summary>
public class HostileCliTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private const long OneGigabyte = 1L << 30;

    [Theory]
    [MemberData(nameof(HostilePdfs.Names), MemberType = typeof(HostilePdfs))]
    public void Sign_RefusesWithOneLine_WhenTheFileIsHostile(string shape)
    {
        using var temp = new TempDirectory();
        var input = HostilePdfs.WriteTo(temp.Path, shape);

        var run = MeasuredRun.Worker(Limit, "sign", input, "-o", temp.File("signed.pdf"),
            "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", DemoPki.Instance.Rsa.PasswordFile);

        AssertRefused(shape, run);
        Assert.False(File.Exists(temp.File("signed.pdf")));
        Assert.Equal([shape + ".pdf"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(HostilePdfs.Names), MemberType = typeof(HostilePdfs))]
    public void Verify_RefusesWithOneLine_WhenTheFileIsHostile(string shape)
    {
        using var temp = new TempDirectory();
        var input = HostilePdfs.WriteTo(temp.Path, shape);

        var run = MeasuredRun.Worker(Limit, "verify", input);

        AssertRefused(shape, run);
    }

    [Fact]
    public void Sign_KeepsSigningTheRestOfTheBatch_WhenOneFileIsHostile()
    {
        using var temp = new TempDirectory();
        var hostile = HostilePdfs.WriteTo(temp.Path, "wide-xref-fields");

        var run = MeasuredRun.Worker(Limit, "sign", RepoPaths.CorpusFile("habibi.pdf"), hostile, RepoPaths.CorpusFile("minimal-document.pdf"),
            "--out-dir", temp.File("out"), "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", DemoPki.Instance.Rsa.PasswordFile);

        Assert.Equal(ExitCode.InputRefused, run.ExitCode);
        Assert.Equal(["habibi.pdf", "minimal-document.pdf"], Directory.GetFiles(temp.File("out")).Select(Path.GetFileName).Order());
        Assert.Single(run.StderrLines);
    }

    [Fact]
    public async Task Sign_TakesLinearTime_WhenFormKidsNameTheSameChildTwiceAtEachLevel()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.File("form.pdf"), HostilePdfs.FieldsNamedTwice(40));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var code = await CommandLine.RunAsync(["sign", temp.File("form.pdf"), "-o", temp.File("signed.pdf"),
            "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", DemoPki.Instance.Rsa.PasswordFile], TextWriter.Null, TextWriter.Null);

        Assert.Equal(ExitCode.Done, code);
        // 2^40 paths: without a visited set this would not end today.
        Assert.True(clock.Elapsed < Limit, $"took {clock.Elapsed}");
        SignedPdf.AssertPdfSigValid(temp.File("signed.pdf"), 1);
    }

    private void AssertRefused(string shape, MeasuredRun run)
    {
        output.WriteLine($"{shape}: exit {run.ExitCode}, {run.Elapsed.TotalSeconds:0.0} s, peak {run.PeakRssBytes >> 20} MB: {run.Stderr.Trim()}");
        Assert.True(run.ExitCode == ExitCode.InputRefused, $"exit {run.ExitCode}: {run.Stderr[..Math.Min(run.Stderr.Length, 2000)]}");
        Assert.InRange(run.StderrLines.Count, 1, 2);
        // Indonesian first, then the English reason, as intake, /verify and the API give it.
        Assert.Matches(@"^.+\.pdf: ditolak: PDF ini rusak[^\n]* / refused: damaged PDF: ", run.StderrLines[0]);
        Assert.True(run.Elapsed < Limit, $"took {run.Elapsed}");
        Assert.True(run.PeakRssBytes < OneGigabyte, $"peak memory {run.PeakRssBytes / (1 << 20)} MB");
    }
}
