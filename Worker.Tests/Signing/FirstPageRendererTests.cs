using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Filing;
using Worker.Signing;
using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Signing;

public sealed class FirstPageRendererTests
{
    private static FirstPageRenderer Renderer(string dataDirectory) =>
        new(Options.Create(new WorkerOptions { DataDirectory = dataDirectory }), NullLogger<FirstPageRenderer>.Instance);

    [Fact]
    public async Task Render_WritesAPhoneWidthPng_WhenTheFileIsASignedPdf()
    {
        using var temp = new TempDirectory();
        var signed = temp.File("signed.pdf");
        await TestSigning.SignCorpusAsync("pdflatex-4-pages.pdf", signed);
        var id = Guid.NewGuid();

        Assert.True(await Renderer(temp.Path).RenderAsync(id, signed, CancellationToken.None));

        var png = await File.ReadAllBytesAsync(PageImages.PathFor(temp.Path, id));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // The IHDR chunk holds the width, big-endian, at byte 16.
        Assert.Equal(PageImages.WidthPixels, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(PageImages.PathFor(temp.Path, id))!, "*.part*"));
    }

    [Fact]
    public async Task Render_ReturnsFalseWithoutThrowing_WhenPdftoppmCannotReadTheFile()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("not.pdf"), "bukan PDF");
        var id = Guid.NewGuid();

        Assert.False(await Renderer(temp.Path).RenderAsync(id, temp.File("not.pdf"), CancellationToken.None));
        Assert.False(File.Exists(PageImages.PathFor(temp.Path, id)));
    }
}
