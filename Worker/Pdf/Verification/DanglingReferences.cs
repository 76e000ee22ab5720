using Worker.Pdf.Syntax;

namespace Worker.Pdf.Verification;

/// <summary>
/// References that objects reachable from a signed revision's catalog make to numbers the revision does not define
/// (absent from its xref, or free). A later revision that defines one changes what the unchanged signed objects show.
/// </summary>
internal static class DanglingReferences
{
    private const int MaxWalk = 200_000;

    /// <summary>Each undefined number, with the object whose body first refers to it (-1 for the trailer).</summary>
    public static Dictionary<int, int> Find(RevisionView signed)
    {
        var dangling = new Dictionary<int, int>();
        var visited = new HashSet<int>();
        var pending = new Stack<(PdfValue Value, int Owner)>();
        if (signed.Trailer["Root"] is { } root) pending.Push((root, -1));
        while (pending.TryPop(out var item) && visited.Count < MaxWalk)
        {
            switch (item.Value)
            {
                case PdfReference reference:
                    if (!visited.Add(reference.Number)) break;
                    if (Read(signed, reference.Number) is { } target) pending.Push((target, reference.Number));
                    else dangling.TryAdd(reference.Number, item.Owner);
                    break;
                case PdfArray array:
                    foreach (var element in array.Items) pending.Push((element, item.Owner));
                    break;
                case PdfDictionary dictionary:
                    foreach (var value in dictionary.Entries.Values) pending.Push((value, item.Owner));
                    break;
                case PdfStream stream:
                    foreach (var value in stream.Dictionary.Entries.Values) pending.Push((value, item.Owner));
                    break;
            }
        }
        return dangling;
    }

    // An object that is defined but does not parse is not dangling: the signature's digest and the compare judge it.
    private static PdfValue? Read(RevisionView view, int number)
    {
        try { return view.Get(number); }
        catch (PdfStreamLengthException e) { return e.Dictionary; }
        catch (PdfSyntaxException) { return PdfNull.Instance; }
    }
}
