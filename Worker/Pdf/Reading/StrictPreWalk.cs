using Worker.Pdf.Syntax;

namespace Worker.Pdf.Reading;

/// <summary>
/// The bounded, non-recursive walk every file passes before PdfPig sees it: the exact xref chain, /Size against
/// the file's length, the page and other trees, and every reachable object under <see cref="SyntaxLimits"/>.
/// PdfPig recurses and allocates by what a file declares, so it only ever reads files this walk has accepted.
/// </summary>
internal static class StrictPreWalk
{
    /// <summary>Checks the file and returns what the walk learned of it.</summary>
    public static CheckedStructure Check(Stream file, SyntaxLimits limits)
    {
        try
        {
            var budget = new WalkBudget(limits);
            var current = PdfRevisions.Open(file, limits).Current();
            budget.CheckTime();
            if (current.Trailer["Encrypt"] is not null)
                throw new PdfRefusedException(PdfRefusal.Encrypted, "encrypted PDF: remove the password protection before signing");
            if (current.Trailer["Root"] is not PdfReference root || current.Get(root.Number) is not PdfDictionary catalog)
                throw new PdfSyntaxException("the trailer's /Root is not a dictionary");
            CheckTrees(current, catalog, limits, budget);
            var referenced = ObjectGraphCheck.Walk(current, limits, budget);
            return new CheckedStructure { Revisions = current.Chain.Count - (IsLinearized(current) ? 1 : 0), Referenced = referenced };
        }
        catch (PdfLimitException e)
        {
            throw new PdfRefusedException(PdfRefusal.Damaged, $"damaged PDF: {e.Message}");
        }
        catch (PdfSyntaxException e)
        {
            throw new PdfRefusedException(PdfRefusal.NeedsRepair, $"damaged PDF: its cross-reference data needs repair ({e.Message})");
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or OverflowException or InvalidOperationException or InvalidDataException)
        {
            throw new PdfRefusedException(PdfRefusal.Damaged, "damaged PDF: its structure cannot be read");
        }
    }

    // Readers recurse through these trees; each is walked here first, capped in depth and size.
    private static void CheckTrees(RevisionView view, PdfDictionary catalog, SyntaxLimits limits, WalkBudget budget)
    {
        TreeCheck.Walk(view, catalog["Pages"], TreeCheck.Kids, "page tree", strict: true, limits, budget);
        if (view.Get(catalog, "Names") is PdfDictionary names)
            foreach (var (key, tree) in names.Entries)
                TreeCheck.Walk(view, tree, TreeCheck.Kids, $"/{key} name tree", strict: false, limits, budget);
        if (view.Get(catalog, "AcroForm") is PdfDictionary form && view.Get(form, "Fields") is PdfArray fields)
            foreach (var field in fields.Items)
                TreeCheck.Walk(view, field, TreeCheck.Kids, "form field tree", strict: false, limits, budget);
        TreeCheck.Walk(view, catalog["Outlines"], TreeCheck.OutlineChildren, "outline", strict: false, limits, budget);
    }

    private static bool IsLinearized(RevisionView current) =>
        current.Chain.Count > 1 && current.Chain[0].Offset < 1024 * 1024
        && current.Entries.Where(e => e.Value.Kind == XrefEntryKind.InUse).MinBy(e => e.Value.Location) is var first
        && current.Get(first.Key) is PdfDictionary d && d["Linearized"] is not null;
}
