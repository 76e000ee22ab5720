using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Writing;

namespace Worker.Pdf.Ltv;

/// <summary>
/// Appends a Document Security Store (PAdES B-LT, ETSI EN 319 142-1 5.4) as an incremental update: new streams
/// for certificates, OCSP responses and CRLs, kept together with those of an earlier DSS, and a /VRI per signature.
/// </summary>
public static class DssWriter
{
    /// <summary>Writes <paramref name="input"/> plus the DSS revision to <paramref name="output"/> (which must not exist).</summary>
    public static void Append(string input, string output, DssContent content)
    {
        using var source = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var pdf = PdfStructure.Open(source);
        var update = new IncrementalUpdate(UpdateBase.From(pdf));
        var certs = content.Certificates.Select(c => Stream(update, c)).ToList();
        var ocsps = content.OcspResponses.Select(o => Stream(update, o)).ToList();
        var crls = content.Crls.Select(c => Stream(update, c)).ToList();

        var existing = pdf.Get(pdf.Catalog, "DSS") as DictionaryToken;
        var dss = new Dictionary<NameToken, IToken> { [NameToken.Type] = NameToken.Create("DSS") };
        Merge(pdf, existing, dss, "Certs", certs);
        Merge(pdf, existing, dss, "OCSPs", ocsps);
        Merge(pdf, existing, dss, "CRLs", crls);
        var vri = (existing is null ? null : pdf.Get(existing, "VRI") as DictionaryToken)?.Data.ToDictionary(e => NameToken.Create(e.Key), e => e.Value)
            ?? new Dictionary<NameToken, IToken>();
        foreach (var signature in content.Signatures)
            vri[NameToken.Create(signature.Key)] = new DictionaryToken(new Dictionary<NameToken, IToken>
            {
                [NameToken.Create("Cert")] = Refs(signature.Certificates.Select(i => certs[i])),
                [NameToken.Create("OCSP")] = Refs(signature.OcspResponses.Select(i => ocsps[i])),
                [NameToken.Create("CRL")] = Refs(signature.Crls.Select(i => crls[i])),
            });
        if (vri.Count > 0) dss[NameToken.Create("VRI")] = new DictionaryToken(vri);

        var dssRef = update.Add(new DictionaryToken(dss));
        update.Set(pdf.Root, pdf.Catalog.With(NameToken.Create("DSS"), new IndirectReferenceToken(dssRef)));
        using var target = new FileStream(output, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        source.Position = 0;
        source.CopyTo(target);
        update.WriteTo(target);
        target.Flush(flushToDisk: true);
    }

    private static void Merge(PdfStructure pdf, DictionaryToken? existing, Dictionary<NameToken, IToken> into, string key, List<IndirectReference> added)
    {
        var old = existing is null ? [] : (pdf.Get(existing, key) as ArrayToken)?.Data ?? [];
        if (old.Count + added.Count > 0)
            into[NameToken.Create(key)] = new ArrayToken([.. old, .. added.Select(r => (IToken)new IndirectReferenceToken(r))]);
    }

    private static ArrayToken Refs(IEnumerable<IndirectReference> references) =>
        new(references.Select(r => (IToken)new IndirectReferenceToken(r)).ToList());

    private static IndirectReference Stream(IncrementalUpdate update, byte[] data) =>
        update.Add(new StreamToken(new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Length] = new NumericToken(data.Length) }), data));
}
