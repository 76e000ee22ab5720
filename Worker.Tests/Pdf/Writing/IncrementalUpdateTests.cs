using UglyToad.PdfPig.Core;
using Worker.Cli;
using Worker.Pdf;
using Worker.Pdf.Reading;
using Worker.Pdf.Writing;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Writing;

/// <summary>The writer never numbers an object past the PDF limit (the fuzzed-file case: exit 0 with an output no one else could read).</summary>
public sealed class IncrementalUpdateTests
{
    [Fact]
    public void Allocate_RefusesAsDamaged_WhenTheNextNumberWouldReachTheObjectNumberLimit()
    {
        var update = new IncrementalUpdate(new UpdateBase
        {
            FileLength = 100, EndsWithNewline = true, LastXref = new LastXrefSection { Offset = 10, Kind = XrefKind.Table },
            NextObjectNumber = IncrementalUpdate.MaxObjectNumber - 1, Root = new IndirectReference(1, 0),
        });

        Assert.Equal(IncrementalUpdate.MaxObjectNumber - 1, update.Allocate().ObjectNumber);
        var e = Assert.Throws<PdfRefusedException>(() => update.Allocate());

        Assert.Equal(PdfRefusal.Damaged, e.Kind);
        Assert.Contains("next object number would be 8,388,607, beyond the PDF limit of 8,388,607", e.Message);
    }

    [Theory]
    [InlineData("huge-size")]
    [InlineData("huge-object-number")]
    public async Task Sign_RefusesWithAPlainReasonAndNoOutput_WhenObjectNumbersArePastTheLimit(string damage)
    {
        using var temp = new TempDirectory();
        var input = temp.File("huge.pdf");
        File.WriteAllBytes(input, damage == "huge-size" ? BrokenPdfs.HugeSize() : BrokenPdfs.HugeObjectNumber());
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["sign", input, "-o", temp.File("out.pdf"),
            "--pkcs12", DemoPki.Instance.Rsa.Pkcs12, "--password-file", DemoPki.Instance.Rsa.PasswordFile], TextWriter.Null, stderr);

        // Never exit 0 with an output other readers cannot resolve: refused (intake normalises such files first).
        Assert.Equal(ExitCode.InputRefused, code);
        var line = Assert.Single(stderr.ToString().Trim().Split('\n'));
        Assert.Contains("ditolak: PDF ini rusak dan tidak dapat dibaca / refused: damaged PDF", line);
        Assert.DoesNotContain("Exception", line);
        Assert.False(File.Exists(temp.File("out.pdf")));
    }
}
