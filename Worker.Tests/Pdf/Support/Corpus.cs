using Worker.Tests.Support;

namespace Worker.Tests.Pdf.Support;

/// <summary>The shared corpus, split by what the signer must do with each file.</summary>
public static class Corpus
{
    public const string Encrypted = "libreoffice-writer-password.pdf";

    // Its startxref points into a zeroed block that also holds the page tree root (object 172): qpdf and poppler
    // repair it to 0 pages, mupdf to 4. Viewers disagree, so it is never signed as found (NeedsRepair).
    public const string UnreadablePageTree = "unreadablemetadata.pdf";

    public static TheoryData<string> Signable()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Corpus, "*.pdf").Select(Path.GetFileName).Order())
            if (file is not (Encrypted or UnreadablePageTree))
                data.Add(file!);
        return data;
    }
}
