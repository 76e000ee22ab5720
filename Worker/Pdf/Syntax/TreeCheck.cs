namespace Worker.Pdf.Syntax;

/// <summary>
/// Walks one tree of indirect dictionaries (pages, names, fields, outlines) without recursion, so that readers
/// which do recurse only ever meet trees of bounded depth and size.
/// </summary>
public static class TreeCheck
{
    /// <summary>The children of a node, as written (references or direct dictionaries).</summary>
    public delegate IEnumerable<PdfValue> Children(RevisionView view, PdfDictionary node);

    /// <summary>
    /// Walks from <paramref name="root"/>; <paramref name="strict"/> refuses a node met twice (a page tree must be a
    /// tree), otherwise a second visit is skipped (forms that name a field twice are common enough).
    /// </summary>
    public static void Walk(RevisionView view, PdfValue? root, Children children, string what, bool strict, SyntaxLimits limits, WalkBudget budget)
    {
        var visited = new HashSet<int>();
        var pending = new Stack<(PdfValue Node, int Depth)>();
        if (root is not null) pending.Push((root, 0));
        while (pending.TryPop(out var item))
        {
            budget.Step();
            if (item.Depth > limits.MaxTreeDepth)
                throw new PdfLimitException($"the {what} is deeper than {limits.MaxTreeDepth} levels");
            if (item.Node is PdfReference reference && !visited.Add(reference.Number))
            {
                if (strict) throw new PdfLimitException($"the {what} is not a tree: object {reference.Number} appears twice (a cycle?)");
                continue;
            }
            if (visited.Count > limits.MaxTreeNodes)
                throw new PdfLimitException($"the {what} has more than {limits.MaxTreeNodes} nodes");
            if (view.Resolve(item.Node) is not PdfDictionary node) continue;
            foreach (var child in children(view, node))
                pending.Push((child, item.Depth + 1));
        }
    }

    /// <summary>The /Kids of a page, name or field tree node.</summary>
    public static IEnumerable<PdfValue> Kids(RevisionView view, PdfDictionary node) =>
        view.Get(node, "Kids") is PdfArray kids ? kids.Items : [];

    /// <summary>An outline item's children: /First and its /Next chain (the chain is read here, one level down).</summary>
    public static IEnumerable<PdfValue> OutlineChildren(RevisionView view, PdfDictionary node)
    {
        var seen = new HashSet<int>();
        for (var child = node["First"]; child is PdfReference r && seen.Add(r.Number); child = (view.Resolve(child) as PdfDictionary)?["Next"])
            yield return child;
    }
}
