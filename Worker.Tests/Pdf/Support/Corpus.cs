namespace Worker.Tests.Pdf.Support;

/// <summary>The shared corpus, split by what the signer must do with each file.</summary>
public static class Corpus
{
    public const string Encrypted = "libreoffice-writer-password.pdf";

    // Its page tree root (object 172) lies in a zeroed block: qpdf counts 0 pages and poppler renders nothing.
    // It still signs (invisibly, the widget on no page); qpdf --check already warns about the original.
    public const string UnreadablePageTree = "unreadablemetadata.pdf";

    public static TheoryData<string> Signable()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Corpus, "*.pdf").Select(Path.GetFileName).Order())
            if (file is not Encrypted)
                data.Add(file!);
        return data;
    }
}
