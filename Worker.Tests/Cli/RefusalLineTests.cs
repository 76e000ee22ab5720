using Worker.Cli;
using Worker.Pdf;

namespace Worker.Tests.Cli;

public class RefusalLineTests
{
    [Theory]
    [InlineData(PdfRefusal.Damaged, "damaged PDF: nesting deeper than 256", "x.pdf: ditolak: PDF ini rusak dan tidak dapat dibaca / refused: damaged PDF: nesting deeper than 256")]
    [InlineData(PdfRefusal.NeedsRepair, "damaged PDF: a /Prev loop", "x.pdf: ditolak: PDF ini rusak: data rujukan silangnya (xref) perlu diperbaiki / refused: damaged PDF: a /Prev loop")]
    [InlineData(PdfRefusal.Encrypted, "encrypted PDF", "x.pdf: ditolak: PDF ini dikunci dengan kata sandi atau dienkripsi; simpan ulang tanpa kata sandi / refused: encrypted PDF")]
    public void For_GivesIndonesianThenEnglish_OnOneLine(PdfRefusal kind, string reason, string expected) =>
        Assert.Equal(expected, RefusalLine.For("x.pdf", new PdfRefusedException(kind, reason)));

    [Fact]
    public void For_DoesNotRepeatTheIndonesian_WhenTheReasonHasBothLanguagesAlready()
    {
        var line = RefusalLine.For("x.pdf", new PdfRefusedException(PdfRefusal.DoesNotFit, "stempel tidak muat: kotak sempit / the stamp does not fit: narrow box"));

        Assert.Equal("x.pdf: ditolak / refused: stempel tidak muat: kotak sempit / the stamp does not fit: narrow box", line);
    }

    [Fact]
    public void For_KeepsOneLine_WhenTheReasonHasLineBreaks() =>
        Assert.Single(RefusalLine.For("x.pdf", new PdfRefusedException(PdfRefusal.Damaged, "damaged PDF:\nat offset 7")).Split('\n'));
}
