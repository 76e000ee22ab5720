using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Worker.Intake;

/// <summary>
/// Walks a PDF's page tree node by node. Cheaper than reading every page (which parses content and fonts, tens of
/// milliseconds a page), and it still finds missing, looping or mistyped page objects, which is what a signer needs intact.
/// </summary>
public static class PageTree
{
    private const int MaxDepth = 64;

    /// <summary>The number of page leaves; throws <see cref="InvalidDataException"/> when the tree is broken.</summary>
    public static int CountLeaves(PdfDocument document)
    {
        var scanner = document.Structure.TokenScanner;
        if (!document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out IToken? root))
            throw new InvalidDataException("the catalog has no /Pages");
        return Walk(scanner, root, 0, []);
    }

    private static int Walk(IPdfTokenScanner scanner, IToken token, int depth, HashSet<long> seen)
    {
        if (depth > MaxDepth) throw new InvalidDataException("the page tree is too deep");
        if (token is IndirectReferenceToken reference)
        {
            if (!seen.Add(reference.Data.ObjectNumber)) throw new InvalidDataException("the page tree loops");
            token = scanner.Get(reference.Data)?.Data ?? throw new InvalidDataException($"page object {reference.Data.ObjectNumber} is missing");
        }
        if (token is not DictionaryToken node) throw new InvalidDataException("a page tree node is not a dictionary");
        var isLeaf = node.TryGet(NameToken.Type, out NameToken type) ? type.Equals(NameToken.Page) : !node.ContainsKey(NameToken.Kids);
        if (isLeaf) return 1;
        if (!node.TryGet(NameToken.Kids, out IToken? kidsToken)) throw new InvalidDataException("a /Pages node has no /Kids");
        if (kidsToken is IndirectReferenceToken kidsReference) kidsToken = scanner.Get(kidsReference.Data)?.Data ?? kidsToken;
        if (kidsToken is not ArrayToken kids) throw new InvalidDataException("/Kids is not an array");
        return kids.Data.Sum(kid => Walk(scanner, kid, depth + 1, seen));
    }
}
