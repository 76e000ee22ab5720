using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Signatures;

/// <summary>
/// Adds a field to the document's AcroForm, keeping every existing field, wherever the form lives:
/// an indirect AcroForm, one inline in the catalog, an indirect /Fields array, or none yet.
/// </summary>
internal sealed class AcroFormEditor
{
    // SignaturesExist (1) + AppendOnly (2): tells readers to save changes incrementally.
    private const int SignatureFlags = 3;

    private readonly PdfStructure _pdf;
    private readonly IToken? _rawForm;
    private readonly DictionaryToken? _form;

    private AcroFormEditor(PdfStructure pdf)
    {
        _pdf = pdf;
        _rawForm = pdf.Catalog.Data.GetValueOrDefault(NameToken.AcroForm.Data);
        _form = pdf.Resolve(_rawForm) as DictionaryToken;
    }

    /// <summary>The current top-level fields.</summary>
    public IReadOnlyList<IToken> Fields =>
        _form is not null && _pdf.Get(_form, "Fields") is ArrayToken fields ? fields.Data : [];

    public static AcroFormEditor Open(PdfStructure pdf) => new(pdf);

    /// <summary>
    /// Appends <paramref name="field"/> to /Fields and sets /SigFlags, writing the fewest objects possible; with
    /// <paramref name="clearNeedAppearances"/> it also drops /NeedAppearances. False when that flag stays set.
    /// </summary>
    public bool AddSignatureField(IncrementalUpdate update, IndirectReference field, bool clearNeedAppearances)
    {
        var fieldToken = new IndirectReferenceToken(field);
        var form = _form ?? DictionaryToken.Empty;
        var rawFields = form.Data.GetValueOrDefault(NameToken.Fields.Data);
        if (rawFields is IndirectReferenceToken fieldsRef && _pdf.Resolve(rawFields) is ArrayToken indirectFields)
            update.Set(fieldsRef.Data, new ArrayToken([.. indirectFields.Data, fieldToken]));
        else
            form = form.With(NameToken.Fields, new ArrayToken([.. Fields, fieldToken]));

        var flags = _pdf.Get(form, "SigFlags") is NumericToken n ? n.Int : 0;
        form = form.With(NameToken.SigFlags, new NumericToken(flags | SignatureFlags));
        var needsAppearances = NeedsAppearances(form);
        if (needsAppearances && clearNeedAppearances) form = WithoutNeedAppearances(update, form);
        WriteForm(update, form);
        return !needsAppearances || clearNeedAppearances;
    }

    /// <summary>
    /// Drops /NeedAppearances from the form and gives the filled fields appearances that show their values, so that a
    /// signature added later (ours or a signing service's) is drawn by viewers that would otherwise rebuild every widget.
    /// False, writing nothing, when the form does not ask for appearances.
    /// </summary>
    public bool ClearNeedAppearances(IncrementalUpdate update)
    {
        if (_form is null || !NeedsAppearances(_form)) return false;
        WriteForm(update, WithoutNeedAppearances(update, _form));
        return true;
    }

    private bool NeedsAppearances(DictionaryToken form) => _pdf.Get(form, "NeedAppearances") is BooleanToken { Data: true };

    // NeedAppearances makes viewers rebuild every widget's appearance, and they cannot rebuild a signature's: poppler
    // draws nothing in its place. A signed file must also look the same everywhere, so the flag goes (PDF 2.0 deprecates it).
    // What those viewers showed (the fields' values) must stay: the filled fields get appearances that show them.
    private DictionaryToken WithoutNeedAppearances(IncrementalUpdate update, DictionaryToken form)
    {
        FieldAppearances.Refresh(_pdf, update, Fields);
        return new DictionaryToken(form.Data.Where(e => e.Key != "NeedAppearances").ToDictionary(e => NameToken.Create(e.Key), e => e.Value));
    }

    private void WriteForm(IncrementalUpdate update, DictionaryToken form)
    {
        if (_rawForm is IndirectReferenceToken formRef && _form is not null)
            update.Set(formRef.Data, form);
        else if (_form is not null)
            update.Set(_pdf.Root, _pdf.Catalog.With(NameToken.AcroForm, form));
        else
            update.Set(_pdf.Root, _pdf.Catalog.With(NameToken.AcroForm, new IndirectReferenceToken(update.Add(form))));
    }
}
