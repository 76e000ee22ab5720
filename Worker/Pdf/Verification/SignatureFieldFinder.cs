using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;

namespace Worker.Pdf.Verification;

/// <summary>
/// Finds every signature field with a value: the AcroForm's field tree, then the pages' widget annotations (poppler
/// and others leave fields out of /Fields). Each signature dictionary is reported once; fields sharing it are named.
/// </summary>
internal static class SignatureFieldFinder
{
    private const int MaxDepth = 32;

    public static IReadOnlyList<SignatureField> Find(PdfStructure pdf)
    {
        var walk = new Walk(pdf);
        if (pdf.Get(pdf.Catalog, "AcroForm") is DictionaryToken form && pdf.Get(form, "Fields") is ArrayToken fields)
            foreach (var field in fields.Data)
                walk.Visit(field, null, null, depth: 0, fromAnnotations: false);
        foreach (var page in pdf.TryReadPages(out _) ?? [])
            if (pdf.Get(page.Dictionary, "Annots") is ArrayToken annots)
                foreach (var annot in annots.Data)
                    walk.VisitWidget(annot);
        return walk.Result();
    }

    private sealed class Walk(PdfStructure pdf)
    {
        private readonly HashSet<long> _visited = [];
        private readonly List<(SignatureField Field, string Range)> _found = [];

        public void Visit(IToken token, string? prefix, string? inheritedType, int depth, bool fromAnnotations)
        {
            // The visited set keeps shared or cyclic /Kids from being walked more than once.
            if (depth > MaxDepth || (token is IndirectReferenceToken r && !_visited.Add(r.Data.ObjectNumber))) return;
            if (pdf.Resolve(token) is not DictionaryToken field) return;
            var partial = pdf.Get(field, "T") is StringToken t ? t.Data : null;
            var name = partial is null ? prefix : prefix is null ? partial : $"{prefix}.{partial}";
            var type = pdf.Get(field, "FT") is NameToken ft ? ft.Data : inheritedType;
            if (type == "Sig" && pdf.Get(field, "V") is DictionaryToken signature)
                Add(name ?? "(unnamed)", signature, field.Data.GetValueOrDefault("V") as IndirectReferenceToken, fromAnnotations);
            if (pdf.Get(field, "Kids") is ArrayToken kids)
                foreach (var kid in kids.Data)
                    Visit(kid, name, type, depth + 1, fromAnnotations);
        }

        /// <summary>A widget is a field itself (merged dictionary) or a kid of one; climbs to the top field not yet seen.</summary>
        public void VisitWidget(IToken annot)
        {
            if (annot is IndirectReferenceToken r && _visited.Contains(r.Data.ObjectNumber)) return;
            if (pdf.Resolve(annot) is not DictionaryToken widget || pdf.Get(widget, "Subtype") is not NameToken { Data: "Widget" }) return;
            var top = annot;
            var current = widget;
            for (var depth = 0; depth < MaxDepth; depth++)
            {
                if (current.Data.GetValueOrDefault("Parent") is not IndirectReferenceToken parent
                    || _visited.Contains(parent.Data.ObjectNumber) || pdf.Resolve(parent) is not DictionaryToken up) break;
                (top, current) = (parent, up);
            }
            Visit(top, null, null, 0, fromAnnotations: true);
        }

        private void Add(string name, DictionaryToken signature, IndirectReferenceToken? reference, bool fromAnnotations)
        {
            var objectNumber = reference?.Data.ObjectNumber;
            var range = ByteRangeText(signature);
            var index = _found.FindIndex(f => (objectNumber is not null && f.Field.SignatureObject == objectNumber) || (range.Length > 0 && f.Range == range));
            if (index >= 0)
            {
                var (first, firstRange) = _found[index];
                _found[index] = (first with { SharedWith = [.. first.SharedWith, name] }, firstRange);
                return;
            }
            _found.Add((new SignatureField
            {
                Name = name, Signature = signature, SignatureObject = objectNumber, OnlyInAnnotations = fromAnnotations,
            }, range));
        }

        private string ByteRangeText(DictionaryToken signature) => pdf.Get(signature, "ByteRange") is ArrayToken a
            ? string.Join(' ', a.Data.Select(pdf.Resolve).OfType<NumericToken>().Select(n => n.Long))
            : "";

        public IReadOnlyList<SignatureField> Result() => _found.Select(f => f.Field).ToList();
    }
}
