namespace Worker.Pdf.Syntax;

/// <summary>
/// Reads every object reachable from the trailer strictly, without recursion: each one is then known to lie
/// within the nesting, string and stream limits, and the object streams holding them decode under the caps.
/// Page contents and form XObjects (what a renderer inflates) are inflated once and counted, not kept. Then every
/// object stream the xref names is read whole, as PdfPig reads them.
/// </summary>
public static class ObjectGraphCheck
{
    /// <summary>Walks the graph; returns every object number the trailer or a reachable object refers to, defined or not.</summary>
    public static IReadOnlySet<int> Walk(RevisionView view, SyntaxLimits limits, WalkBudget budget)
    {
        var visited = new HashSet<int>();
        var pending = new Stack<(PdfValue Value, bool Content)>();
        foreach (var value in view.Trailer.Entries.Values) pending.Push((value, false));
        var objectStreamBytes = 0L;
        while (pending.TryPop(out var item))
        {
            budget.Step();
            switch (item.Value)
            {
                case PdfReference reference:
                    if (!visited.Add(reference.Number)) break;
                    if (visited.Count > limits.MaxObjects)
                        throw new PdfLimitException($"more than {limits.MaxObjects} objects");
                    if (Read(view, reference.Number) is { } target) pending.Push((target, item.Content));
                    objectStreamBytes = Count(view, budget, objectStreamBytes);
                    break;
                case PdfArray array:
                    foreach (var element in array.Items) pending.Push((element, item.Content));
                    break;
                case PdfDictionary dictionary:
                    foreach (var (key, value) in dictionary.Entries) pending.Push((value, key == "Contents"));
                    break;
                case PdfStream stream:
                    if (item.Content || stream.Dictionary.Name("Subtype") == "Form")
                        budget.Decoded(StreamDecoder.MeasureFlate(stream, limits) ?? 0);
                    foreach (var value in stream.Dictionary.Entries.Values) pending.Push((value, false));
                    break;
            }
        }
        foreach (var streamNumber in view.Entries.Values.Where(e => e.Kind == XrefEntryKind.Compressed).Select(e => (int)Math.Min(e.Location, int.MaxValue)).Distinct())
        {
            budget.CheckTime();
            view.ReadWholeObjectStream(streamNumber);
            objectStreamBytes = Count(view, budget, objectStreamBytes);
        }
        return visited;
    }

    // A stream with an inexact /Length (a flipped byte in a signed file) is the verifier's to judge, not a reason to
    // refuse; its dictionary is still walked, since that is what other readers parse.
    private static PdfValue? Read(RevisionView view, int number)
    {
        try { return view.Get(number); }
        catch (PdfStreamLengthException e) { return e.Dictionary; }
    }

    private static long Count(RevisionView view, WalkBudget budget, long counted)
    {
        if (view.DecodedBytes != counted) budget.Decoded(view.DecodedBytes - counted);
        return view.DecodedBytes;
    }
}
