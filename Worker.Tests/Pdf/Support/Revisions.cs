using Worker.Pdf.Reading;
using Worker.Pdf.Writing;

namespace Worker.Tests.Pdf.Support;

/// <summary>Appends a hand-made incremental update, the way another tool might change a signed file.</summary>
public static class Revisions
{
    public static void Append(string input, string output, Action<PdfStructure, IncrementalUpdate> change)
    {
        using (var source = File.OpenRead(input))
        using (var pdf = PdfStructure.Open(source))
        using (var target = File.Create(output))
        {
            var update = new IncrementalUpdate(UpdateBase.From(pdf));
            change(pdf, update);
            source.Position = 0;
            source.CopyTo(target);
            update.WriteTo(target);
        }
    }
}
