using System.IO.Compression;
using UglyToad.PdfPig.Tokens;
using Worker.Pdf.Reading;
using Worker.Pdf.Revocation;

namespace Worker.Pdf.Verification;

/// <summary>Reads the OCSP responses, CRLs and certificates of the catalog's Document Security Store (/DSS /OCSPs, /CRLs, /Certs).</summary>
internal static class DssReader
{
    // A DSS of a long-lived file holds a few dozen entries; anything far larger is not read.
    private const int MaxEntries = 256;
    private const int MaxDecodedBytes = 16 * 1024 * 1024;

    public static RevocationEvidence Read(PdfStructure pdf)
    {
        if (pdf.Get(pdf.Catalog, "DSS") is not DictionaryToken dss) return RevocationEvidence.None;
        return new RevocationEvidence { OcspResponses = Streams(pdf, dss, "OCSPs"), Crls = Streams(pdf, dss, "CRLs") };
    }

    /// <summary>The readable certificates of /DSS /Certs: an untrusted pool that may complete a chain to an anchor.</summary>
    public static IReadOnlyList<Org.BouncyCastle.X509.X509Certificate> Certificates(PdfStructure pdf)
    {
        if (pdf.Get(pdf.Catalog, "DSS") is not DictionaryToken dss) return [];
        var parser = new Org.BouncyCastle.X509.X509CertificateParser();
        var found = new List<Org.BouncyCastle.X509.X509Certificate>();
        foreach (var der in Streams(pdf, dss, "Certs"))
        {
            try
            {
                if (parser.ReadCertificate(der) is { } certificate) found.Add(certificate);
            }
            catch (Exception e) when (e is Org.BouncyCastle.Security.Certificates.CertificateException or IOException or ArgumentException or InvalidCastException)
            {
                // An unreadable entry completes no chain.
            }
        }
        return found;
    }

    /// <summary>The /VRI entries by key (upper-case hex SHA-1 of a signature's /Contents): true when the entry lists OCSP responses or CRLs.</summary>
    public static IReadOnlyDictionary<string, bool> ValidationEntries(PdfStructure pdf)
    {
        var found = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        if (pdf.Get(pdf.Catalog, "DSS") is not DictionaryToken dss || pdf.Get(dss, "VRI") is not DictionaryToken vri) return found;
        foreach (var (key, value) in vri.Data.Take(MaxEntries))
            if (pdf.Resolve(value) is DictionaryToken entry)
                found[key] = pdf.Get(entry, "OCSP") is ArrayToken { Data.Count: > 0 } || pdf.Get(entry, "CRL") is ArrayToken { Data.Count: > 0 };
        return found;
    }

    /// <summary>The /VRI key of a signature: the upper-case hex SHA-1 of its /Contents string as written; null without one.</summary>
    public static string? ValidationKey(PdfStructure pdf, SignatureField field) => pdf.Get(field.Signature, "Contents") switch
    {
        HexToken hex => Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(hex.Bytes.ToArray())),
        StringToken text => Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.Latin1.GetBytes(text.Data))),
        _ => null,
    };

    private static List<byte[]> Streams(PdfStructure pdf, DictionaryToken dss, string key)
    {
        var found = new List<byte[]>();
        if (pdf.Get(dss, key) is not ArrayToken array) return found;
        foreach (var item in array.Data.Take(MaxEntries))
            if (pdf.Resolve(item) is StreamToken stream && Decode(pdf, stream) is { } data)
                found.Add(data);
        return found;
    }

    private static byte[]? Decode(PdfStructure pdf, StreamToken stream)
    {
        var filter = pdf.Get(stream.StreamDictionary, "Filter");
        if (filter is null || filter is ArrayToken { Data.Count: 0 }) return stream.Data.ToArray();
        var name = filter switch
        {
            NameToken n => n.Data,
            ArrayToken { Data.Count: 1 } a => (pdf.Resolve(a.Data[0]) as NameToken)?.Data,
            _ => null,
        };
        if (name != "FlateDecode") return null;
        try
        {
            using var input = new ZLibStream(new MemoryStream(stream.Data.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16 * 1024];
            for (int read; (read = input.Read(buffer)) > 0;)
            {
                if (output.Length + read > MaxDecodedBytes) return null;
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
