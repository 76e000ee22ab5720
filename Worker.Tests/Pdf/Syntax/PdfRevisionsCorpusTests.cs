using Worker.Pdf.Syntax;
using Worker.Tests.Pdf.Support;
using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Syntax;

public sealed class PdfRevisionsCorpusTests
{
    [Theory]
    [MemberData(nameof(Corpus.Signable), MemberType = typeof(Corpus))]
    public void Current_ResolvesEveryObject_WhenTheCorpusFileIsClean(string name)
    {
        using var file = File.OpenRead(Path.Combine(RepoPaths.Corpus, name));
        var revisions = PdfRevisions.Open(file);
        var report = new List<string>();
        try
        {
            var view = revisions.Current();
            foreach (var (number, entry) in view.Entries)
            {
                if (entry.Kind == XrefEntryKind.Free) continue;
                try { view.Get(number); }
                catch (PdfSyntaxException e) { report.Add($"{number}: {e.Message}"); }
            }
            Assert.Equal("Catalog", (view.Get(view.Trailer["Root"] is PdfReference r ? r.Number : -1) as PdfDictionary)?.Name("Type"));
        }
        catch (PdfSyntaxException e)
        {
            report.Add("chain: " + e.Message);
        }
        Assert.True(report.Count == 0, name + ": " + string.Join("; ", report.Take(5)));
    }
}
