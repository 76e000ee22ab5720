using Worker.Pdf.Syntax;

namespace Worker.Pdf.Verification;

/// <summary>
/// The explicit list of what may change in an object after a signature: a new signature field whose value is
/// a later signature that verifies and covers it, its widget on a page's /Annots, the form's /Fields and
/// /SigFlags (and additions to /DR), an empty signature field being signed, and the DSS. Anything else is named.
/// With <c>noChanges</c> (a DocMDP /P 1 certification) the only later signatures allowed are document timestamps.
/// </summary>
internal sealed class ChangePolicy(RevisionView signed, RevisionView current, SignedRevisionRoles roles,
    IReadOnlyList<LaterSignature> later, Func<long, RevisionView> viewAt, bool noChanges)
{
    private static readonly HashSet<string> CatalogKeys = ["AcroForm", "DSS", "Extensions"];
    private static readonly HashSet<string> FormKeys = ["Fields", "SigFlags", "DR"];
    private static readonly HashSet<string> NewFormKeys = ["Fields", "SigFlags", "DR", "DA"];
    private static readonly HashSet<string> FillKeys = ["V", "AP", "F"];

    /// <summary>Null when the change of object <paramref name="number"/> is allowed, otherwise what changed.</summary>
    public string? Judge(int number, PdfValue before, PdfValue? after)
    {
        var what = roles.Describe(number);
        if (after is null) return $"{what} was removed after signing";
        if (roles.Dss.Contains(number) && before is not PdfStream && after is not PdfStream) return null;
        if (number == roles.Catalog) return Catalog(before, after);
        if (number == roles.Form) return Form(before as PdfDictionary, after as PdfDictionary);
        if (number == roles.Fields) return AppendsOnly(before, after, IsNewSignatureField) ? null : "the form's field list was changed beyond adding a signature";
        if (number == roles.Resources) return AddsOnly(before, after) ? null : "the form's default resources (/DR) were changed";
        if (number == roles.Info) return "the document information (/Info) was changed after signing";
        if (roles.Pages.ContainsKey(number)) return Page(what, before, after);
        if (roles.AnnotationArrays.ContainsKey(number))
            return AppendsOnly(before, after, IsNewSignatureWidget) ? null : $"{what} were changed beyond adding a signature";
        if (roles.EmptySignatureFields.Contains(number) && before is PdfDictionary b && after is PdfDictionary a
            && PdfValueComparer.ChangedKeys(b, a).All(FillKeys.Contains) && IsCoveredSignature(a["V"], number))
            return null;
        var kind = (before as PdfDictionary ?? (before as PdfStream)?.Dictionary) is { } d ? d.Name("Subtype") ?? d.Name("Type") : null;
        return kind is null || what != $"object {number}" ? $"{what} was changed after signing" : $"{what} (/{kind}) was changed after signing";
    }

    /// <summary>
    /// Whether object <paramref name="number"/>, referred to but not defined when signed, may now be defined: only as
    /// a later signature's own field or widget.
    /// </summary>
    public bool AllowsDefinition(int number)
    {
        var reference = new PdfReference(number, 0);
        return IsNewSignatureField(reference) || IsNewSignatureWidget(reference);
    }

    private string? Catalog(PdfValue before, PdfValue after)
    {
        if (before is not PdfDictionary b || after is not PdfDictionary a) return "the document catalog was replaced";
        var changed = PdfValueComparer.ChangedKeys(b, a);
        var forbidden = changed.Where(k => !CatalogKeys.Contains(k)).ToList();
        if (forbidden.Count > 0) return $"the document catalog's {string.Join(", ", forbidden.Select(k => "/" + k))} changed after signing";
        if (changed.Contains("AcroForm") && !(b["AcroForm"] is PdfReference x && a["AcroForm"] is PdfReference y && x.Number == y.Number && roles.Form == x.Number))
            return Form(signed.Resolve(b["AcroForm"]) as PdfDictionary, current.Resolve(a["AcroForm"]) as PdfDictionary);
        return null;
    }

    private string? Form(PdfDictionary? before, PdfDictionary? after)
    {
        if (after is null) return before is null ? null : "the form (/AcroForm) was removed after signing";
        var keys = before is null ? NewFormKeys : FormKeys;
        var changed = before is null ? after.Entries.Keys.ToList() : PdfValueComparer.ChangedKeys(before, after);
        var forbidden = changed.Where(k => !keys.Contains(k)).ToList();
        if (forbidden.Count > 0) return $"the form's {string.Join(", ", forbidden.Select(k => "/" + k))} changed after signing";
        if (changed.Contains("Fields") && !SameIndirect(before?["Fields"], after["Fields"], roles.Fields)
            && !AppendsOnly(signed.Resolve(before?["Fields"]) ?? new PdfArray([]), current.Resolve(after["Fields"]), IsNewSignatureField))
            return "the form's field list was changed beyond adding a signature";
        if (changed.Contains("DR") && !SameIndirect(before?["DR"], after["DR"], roles.Resources)
            && !AddsOnly(signed.Resolve(before?["DR"]) ?? new PdfDictionary(new Dictionary<string, PdfValue>()), current.Resolve(after["DR"])))
            return "the form's default resources (/DR) were changed";
        return null;
    }

    private string? Page(string what, PdfValue before, PdfValue after)
    {
        if (before is not PdfDictionary b || after is not PdfDictionary a) return $"{what} was replaced";
        var forbidden = PdfValueComparer.ChangedKeys(b, a).Where(k => k != "Annots").ToList();
        if (forbidden.Count > 0) return $"{what}'s {string.Join(", ", forbidden.Select(k => "/" + k))} changed after signing";
        if (b["Annots"] is PdfReference x && a["Annots"] is PdfReference y && x.Number == y.Number) return null;
        return AppendsOnly(signed.Resolve(b["Annots"]) ?? new PdfArray([]), current.Resolve(a["Annots"]), IsNewSignatureWidget)
            ? null : $"annotations were added to {what} after signing";
    }

    private static bool SameIndirect(PdfValue? before, PdfValue? after, int? judgedElsewhere) =>
        before is PdfReference x && after is PdfReference y && x.Number == y.Number && judgedElsewhere == x.Number;

    private static bool AppendsOnly(PdfValue before, PdfValue? after, Func<PdfValue, bool> addedAllowed)
    {
        if (before is not PdfArray b || after is not PdfArray a || a.Items.Count < b.Items.Count) return false;
        for (var i = 0; i < b.Items.Count; i++)
            if (!PdfValueComparer.Equal(b.Items[i], a.Items[i])) return false;
        return a.Items.Skip(b.Items.Count).All(addedAllowed);
    }

    private static bool AddsOnly(PdfValue before, PdfValue? after) =>
        before is PdfDictionary b && after is PdfDictionary a
        && b.Entries.All(e => a.Entries.TryGetValue(e.Key, out var v) && PdfValueComparer.Equal(e.Value, v));

    // A field added after this signature must be signed by a later signature whose own revision holds it.
    private bool IsNewSignatureField(PdfValue item)
    {
        if (item is not PdfReference reference || signed.Get(reference.Number) is not null) return false;
        if (current.Get(reference.Number) is not PdfDictionary field || field.Name("FT") != "Sig") return false;
        return IsCoveredSignature(field["V"], reference.Number) || (!noChanges && IsInvisibleEmptyField(field));
    }

    private bool IsNewSignatureWidget(PdfValue item)
    {
        if (item is not PdfReference reference || signed.Get(reference.Number) is not null) return false;
        if (current.Get(reference.Number) is not PdfDictionary widget || widget.Name("Subtype") != "Widget") return false;
        if (widget.Name("FT") == "Sig") return IsNewSignatureField(reference);
        if (widget["Parent"] is not PdfReference parent || current.Get(parent.Number) is not PdfDictionary field || field.Name("FT") != "Sig")
            return false;
        var value = field["V"];
        var filled = roles.EmptySignatureFields.Contains(parent.Number) || signed.Get(parent.Number) is null;
        return filled && (IsCoveredSignature(value, parent.Number, reference.Number) || (value is null && !noChanges && IsInvisible(widget)));
    }

    private bool IsCoveredSignature(PdfValue? value, params int[] objects)
    {
        // Matched by /ByteRange: a field re-using an earlier signature's value names that earlier revision's end.
        var range = (current.Resolve(value) is PdfDictionary d ? current.Resolve(d["ByteRange"]) as PdfArray : null)
            ?.Items.Select(i => (current.Resolve(i) as PdfNumber)?.AsLong ?? -1).ToList();
        var signature = range is null ? null : later.FirstOrDefault(s => s.ByteRange.SequenceEqual(range));
        if (signature is null || signature.RevisionEnd <= signed.End || (noChanges && !signature.IsDocumentTimestamp)) return false;
        var view = viewAt(signature.RevisionEnd);
        return objects.All(n => PdfValueComparer.Equal(view.Get(n), current.Get(n)));
    }

    private bool IsInvisibleEmptyField(PdfDictionary field) =>
        field["V"] is null && (field.Name("Subtype") != "Widget" || IsInvisible(field))
        && (current.Get(field, "Kids") is not PdfArray kids || kids.Items.All(k => current.Resolve(k) is PdfDictionary w && IsInvisible(w)));

    private bool IsInvisible(PdfDictionary widget)
    {
        var hidden = ((widget.Integer("F") ?? 0) & 2) != 0;
        var rect = (current.Get(widget, "Rect") as PdfArray)?.Items.Select(i => (current.Resolve(i) as PdfNumber)?.Value ?? 0).ToArray();
        return hidden || rect is not { Length: 4 } || Math.Abs((rect[2] - rect[0]) * (rect[3] - rect[1])) < 1e-6;
    }
}
