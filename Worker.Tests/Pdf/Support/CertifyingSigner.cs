using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Cms;
using Worker.Pdf.Keys;
using Worker.Pdf.Pades;
using Worker.Pdf.Reading;
using Worker.Pdf.Signatures;
using Worker.Pdf.Writing;

namespace Worker.Tests.Pdf.Support;

/// <summary>
/// Signs a file the way another tool would, without our signer's guards: a certification signature (catalog
/// /Perms /DocMDP and a /Reference with /P) when <c>permission</c> is given, otherwise an approval signature,
/// even where a certification forbids it. The form is kept as a direct /AcroForm in the catalog.
/// </summary>
public static class CertifyingSigner
{
    public static async Task SignAsync(string input, string output, IDigestSigner signer, string fieldName, int? permission)
    {
        await using var source = File.OpenRead(input);
        using var pdf = PdfStructure.Open(source);
        var cms = new CadesSignedDataBuilder(signer, HashAlgorithmName.SHA256);
        var update = new IncrementalUpdate(UpdateBase.From(pdf));

        var contents = Encoding.ASCII.GetBytes("<" + new string('0', 2 * await cms.EstimateSizeAsync(CancellationToken.None)) + ">");
        var signature = new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Sig,
            [NameToken.Filter] = NameToken.AdobePpklite,
            [NameToken.SubFilter] = NameToken.Create("ETSI.CAdES.detached"),
            [NameToken.Byterange] = new ReservedBytesToken("ByteRange", Encoding.ASCII.GetBytes("[" + new string(' ', 62) + "]")),
            [NameToken.Contents] = new ReservedBytesToken("Contents", contents),
            [NameToken.M] = PdfText.Date(DateTimeOffset.Now),
        };
        if (permission is { } p)
            signature[NameToken.Create("Reference")] = new ArrayToken([new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Type] = NameToken.Create("SigRef"),
                [NameToken.Create("TransformMethod")] = NameToken.Create("DocMDP"),
                [NameToken.Create("TransformParams")] = new DictionaryToken(new Dictionary<NameToken, IToken>
                {
                    [NameToken.Type] = NameToken.Create("TransformParams"), [NameToken.P] = new NumericToken(p), [NameToken.V] = NameToken.Create("1.2"),
                }),
            })]);
        var value = update.Add(new DictionaryToken(signature));
        var page = pdf.Pages[0];
        var widget = update.Add(new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Annot, [NameToken.Subtype] = NameToken.Widget, [NameToken.Ft] = NameToken.Sig,
            [NameToken.T] = new StringToken(fieldName), [NameToken.V] = new IndirectReferenceToken(value), [NameToken.F] = new NumericToken(132),
            [NameToken.Rect] = new ArrayToken([new NumericToken(0), new NumericToken(0), new NumericToken(0), new NumericToken(0)]),
            [NameToken.P] = new IndirectReferenceToken(page.Reference),
        }));
        var annots = pdf.Resolve(page.Dictionary.Data.GetValueOrDefault("Annots")) as ArrayToken;
        update.Set(page.Reference, page.Dictionary.With(NameToken.Annots, new ArrayToken([.. annots?.Data ?? [], new IndirectReferenceToken(widget)])));

        var form = pdf.Get(pdf.Catalog, "AcroForm") as DictionaryToken;
        var fields = form is null ? null : pdf.Get(form, "Fields") as ArrayToken;
        var catalog = pdf.Catalog.With(NameToken.AcroForm, new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Fields] = new ArrayToken([.. fields?.Data ?? [], new IndirectReferenceToken(widget)]),
            [NameToken.SigFlags] = new NumericToken(3),
        }));
        if (permission is not null)
            catalog = catalog.With(NameToken.Perms, new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Create("DocMDP")] = new IndirectReferenceToken(value),
            }));
        update.Set(pdf.Root, catalog);

        await using var target = new FileStream(output, FileMode.CreateNew, FileAccess.ReadWrite);
        source.Position = 0;
        await source.CopyToAsync(target);
        var written = update.WriteTo(target);
        var prepared = new PreparedSignature
        {
            FieldName = fieldName, FileLength = written.FileLength,
            ByteRange = written.Reserved["ByteRange"], Contents = written.Reserved["Contents"],
        };
        await CmsEmbedder.EmbedAsync(target, prepared, HashAlgorithmName.SHA256, cms.BuildAsync, CancellationToken.None);
    }
}
