using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Verification;

/// <summary>
/// Compares a signed revision with the file's current state and names the first change that incremental
/// signing may not make. Allowed: new objects; a catalog gaining /AcroForm, /DSS or /Extensions; an AcroForm
/// gaining signature fields, /SigFlags or /DR; pages gaining signature widgets in /Annots; a new /Info.
/// </summary>
internal static class RevisionDiff
{
    private static readonly HashSet<string> CatalogKeys = ["AcroForm", "DSS", "Extensions"];
    private static readonly HashSet<string> FormKeys = ["Fields", "SigFlags", "DR"];
    private static readonly HashSet<string> PageKeys = ["Annots"];
    private static readonly HashSet<string> FieldFillKeys = ["V", "AP", "F"];

    /// <summary>A one-phrase description of a disallowed change, or null when every change is allowed.</summary>
    public static string? FindDisallowedChange(PdfStructure current, Stream file, long revisionEnd)
    {
        using var window = new WindowStream(file, revisionEnd);
        PdfStructure signed;
        try
        {
            signed = PdfStructure.Open(window);
        }
        catch (PdfRefusedException e)
        {
            return $"the signed revision cannot be read ({e.Message})";
        }
        using (signed)
        {
            // Pages that appear only after signing were not what the signer saw.
            if (signed.TryReadPages(out _) is null && current.TryReadPages(out _) is { Count: > 0 })
                return "the page tree was unreadable when signed and was made readable later";
            var changed = current.XrefParts.Where(p => p.Offset >= revisionEnd)
                .SelectMany(p => p.ObjectOffsets.Keys).Distinct();
            var context = new Context(signed, current);
            foreach (var reference in changed)
            {
                var before = signed.GetObject(reference);
                if (before is null || Same(before, current.GetObject(reference))) continue;
                if (!context.IsAllowed(reference, before, current.GetObject(reference)))
                    return $"object {reference.ObjectNumber} was changed after signing";
            }
            return null;
        }
    }

    private static bool Same(IToken? a, IToken? b) => a is not null && b is not null && Bytes(a).AsSpan().SequenceEqual(Bytes(b));

    private static byte[] Bytes(IToken token)
    {
        using var buffer = new MemoryStream();
        new PdfTokenSerializer(buffer).Write(token);
        return buffer.ToArray();
    }

    private sealed class Context(PdfStructure signed, PdfStructure current)
    {
        // A signed revision without readable pages has no page a later revision could legitimately touch.
        private static readonly IReadOnlyList<PageInfo> NoPages = [];
        private readonly HashSet<IndirectReference> _pages = (signed.TryReadPages(out _) ?? NoPages).Select(p => p.Reference).ToHashSet();
        private readonly HashSet<IndirectReference> _annotArrays = (signed.TryReadPages(out _) ?? NoPages)
            .Select(p => p.Dictionary.Data.GetValueOrDefault("Annots")).OfType<IndirectReferenceToken>().Select(r => r.Data).ToHashSet();
        private readonly IToken? _formToken = signed.Catalog.Data.GetValueOrDefault("AcroForm");

        public bool IsAllowed(IndirectReference reference, IToken before, IToken? after)
        {
            if (reference.Equals(signed.Root))
                return OnlyKeysChanged(before, after, CatalogKeys) && FormChangeAllowed(
                    signed.Get((DictionaryToken)before, "AcroForm"), current.Get((DictionaryToken)after!, "AcroForm"));
            if (_formToken is IndirectReferenceToken form && form.Data.Equals(reference))
                return FormChangeAllowed(before, after);
            if (signed.Info is IndirectReferenceToken info && info.Data.Equals(reference))
                return true;
            if (_annotArrays.Contains(reference))
                return AppendsOnly(before, after, IsSignatureWidget);
            if (_pages.Contains(reference))
                return OnlyKeysChanged(before, after, PageKeys)
                    && AppendsOnly(signed.Get((DictionaryToken)before, "Annots") ?? new ArrayToken([]),
                        current.Get((DictionaryToken)after!, "Annots"), IsSignatureWidget);
            if (FieldsArrayReference() is { } fields && fields.Equals(reference))
                return AppendsOnly(before, after, IsSignatureField);
            // An empty signature field prepared earlier may be filled in.
            return before is DictionaryToken field && signed.Get(field, "FT") is NameToken { Data: "Sig" }
                && signed.Get(field, "V") is null && OnlyKeysChanged(before, after, FieldFillKeys);
        }

        private IndirectReference? FieldsArrayReference() =>
            signed.Resolve(_formToken) is DictionaryToken form && form.Data.GetValueOrDefault("Fields") is IndirectReferenceToken r ? r.Data : null;

        private bool FormChangeAllowed(IToken? before, IToken? after)
        {
            if (before is null) return after is null || (after is DictionaryToken a && AppendsOnly(new ArrayToken([]), current.Get(a, "Fields"), IsSignatureField));
            if (Same(before, after)) return true;
            if (!OnlyKeysChanged(before, after, FormKeys)) return false;
            var oldFields = signed.Get((DictionaryToken)before, "Fields") ?? new ArrayToken([]);
            return AppendsOnly(oldFields, current.Get((DictionaryToken)after!, "Fields"), IsSignatureField);
        }

        private static bool OnlyKeysChanged(IToken before, IToken? after, IReadOnlySet<string> allowed)
        {
            if (before is not DictionaryToken b || after is not DictionaryToken a) return false;
            foreach (var key in b.Data.Keys.Union(a.Data.Keys))
            {
                if (allowed.Contains(key)) continue;
                if (!b.Data.TryGetValue(key, out var x) || !a.Data.TryGetValue(key, out var y) || !Same(x, y)) return false;
            }
            return true;
        }

        private bool AppendsOnly(IToken before, IToken? after, Func<IToken, bool> addedAllowed)
        {
            if (before is not ArrayToken b || after is not ArrayToken a || a.Data.Count < b.Data.Count) return false;
            for (var i = 0; i < b.Data.Count; i++)
                if (!Same(b.Data[i], a.Data[i])) return false;
            return a.Data.Skip(b.Data.Count).All(addedAllowed);
        }

        private bool IsSignatureField(IToken token) =>
            current.Resolve(token) is DictionaryToken d && current.Get(d, "FT") is NameToken { Data: "Sig" };

        private bool IsSignatureWidget(IToken token) =>
            current.Resolve(token) is DictionaryToken d && current.Get(d, "Subtype") is NameToken { Data: "Widget" }
            && (current.Get(d, "FT") is NameToken { Data: "Sig" }
                || (current.Get(d, "Parent") is DictionaryToken parent && current.Get(parent, "FT") is NameToken { Data: "Sig" }));
    }
}
