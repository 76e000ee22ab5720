using Worker.Pdf.Syntax;

namespace Worker.Pdf.Verification;

/// <summary>
/// What each object of a signed revision is (catalog, form, page, a page's annotations or content, an empty
/// signature field, the DSS, /Info), so a later change can be judged by the role of what it changed.
/// </summary>
internal sealed class SignedRevisionRoles
{
    private const int MaxWalk = 200_000;

    public SignedRevisionRoles(RevisionView signed)
    {
        Catalog = (signed.Trailer["Root"] as PdfReference)?.Number ?? -1;
        Info = (signed.Trailer["Info"] as PdfReference)?.Number;
        if (signed.Get(Catalog) is not PdfDictionary catalog) return;
        Form = (catalog["AcroForm"] as PdfReference)?.Number;
        if (signed.Resolve(catalog["AcroForm"]) is PdfDictionary form)
        {
            Fields = (form["Fields"] as PdfReference)?.Number;
            Resources = (form["DR"] as PdfReference)?.Number;
            FindEmptySignatureFields(signed, form);
        }
        FindPages(signed, catalog);
        if (catalog["DSS"] is PdfReference dss) Collect(signed, dss, Dss);
    }

    public int Catalog { get; }
    public int? Info { get; }
    public int? Form { get; }
    public int? Fields { get; }
    public int? Resources { get; }

    /// <summary>Page objects by number, with their 1-based page number.</summary>
    public Dictionary<int, int> Pages { get; } = [];

    /// <summary>Indirect /Annots arrays by number, with the page they belong to.</summary>
    public Dictionary<int, int> AnnotationArrays { get; } = [];

    /// <summary>Content streams (and indirect /Contents arrays) by number, with the page they draw.</summary>
    public Dictionary<int, int> Contents { get; } = [];

    /// <summary>Signature fields without a value when signed: a later signer may fill them in.</summary>
    public HashSet<int> EmptySignatureFields { get; } = [];

    /// <summary>Objects reachable from the catalog's /DSS.</summary>
    public HashSet<int> Dss { get; } = [];

    /// <summary>A short human name for an object of the signed revision.</summary>
    public string Describe(int number) =>
        number == Catalog ? "the document catalog"
        : number == Form ? "the form (/AcroForm)"
        : number == Info ? "the document information (/Info)"
        : Pages.TryGetValue(number, out var page) ? $"page {page}"
        : Contents.TryGetValue(number, out var drawn) ? $"the content of page {drawn}"
        : AnnotationArrays.TryGetValue(number, out var annotated) ? $"the annotations of page {annotated}"
        : $"object {number}";

    private void FindPages(RevisionView signed, PdfDictionary catalog)
    {
        var stack = new Stack<PdfValue>();
        if (catalog["Pages"] is { } root) stack.Push(root);
        var seen = new HashSet<int>();
        var pageNumber = 0;
        while (stack.Count > 0 && seen.Count < MaxWalk)
        {
            var token = stack.Pop();
            if (token is not PdfReference reference || !seen.Add(reference.Number) || signed.Get(reference.Number) is not PdfDictionary node) continue;
            if (signed.Get(node, "Kids") is PdfArray kids)
            {
                // Pushed in reverse so pages pop in document order.
                for (var i = kids.Items.Count - 1; i >= 0; i--) stack.Push(kids.Items[i]);
                continue;
            }
            Pages[reference.Number] = ++pageNumber;
            if (node["Annots"] is PdfReference annots) AnnotationArrays[annots.Number] = pageNumber;
            var contents = node["Contents"];
            if (contents is PdfReference c) Contents[c.Number] = pageNumber;
            if (signed.Resolve(contents) is PdfArray parts)
                foreach (var part in parts.Items.OfType<PdfReference>()) Contents[part.Number] = pageNumber;
        }
    }

    private void FindEmptySignatureFields(RevisionView signed, PdfDictionary form)
    {
        var stack = new Stack<(PdfValue Token, string? Type)>();
        if (signed.Resolve(form["Fields"]) is PdfArray fields)
            foreach (var field in fields.Items) stack.Push((field, null));
        var seen = new HashSet<int>();
        while (stack.Count > 0 && seen.Count < MaxWalk)
        {
            var (token, inherited) = stack.Pop();
            if (token is not PdfReference reference || !seen.Add(reference.Number) || signed.Get(reference.Number) is not PdfDictionary field) continue;
            var type = field.Name("FT") ?? inherited;
            if (type == "Sig" && field["V"] is null) EmptySignatureFields.Add(reference.Number);
            if (signed.Get(field, "Kids") is PdfArray kids)
                foreach (var kid in kids.Items) stack.Push((kid, type));
        }
    }

    private static void Collect(RevisionView view, PdfReference start, HashSet<int> into)
    {
        var stack = new Stack<PdfValue>([start]);
        while (stack.Count > 0 && into.Count < MaxWalk)
        {
            var value = stack.Pop();
            if (value is PdfReference r)
            {
                if (into.Add(r.Number) && view.Get(r.Number) is { } target and not PdfStream) stack.Push(target);
            }
            else if (value is PdfArray array) foreach (var item in array.Items) stack.Push(item);
            else if (value is PdfDictionary dictionary) foreach (var item in dictionary.Entries.Values) stack.Push(item);
        }
    }
}
