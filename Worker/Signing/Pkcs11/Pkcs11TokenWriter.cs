using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using Worker.Pdf.Keys;

namespace Worker.Signing.Pkcs11;

/// <summary>Prepares a token for the demo and the tests: initialises it, then writes a key, its certificate and the CA onto it.</summary>
public static class Pkcs11TokenWriter
{
    /// <summary>Initialises the first empty token of <paramref name="library"/> as <paramref name="label"/> with these PINs.</summary>
    public static void InitializeToken(string library, string label, string soPin, string userPin) =>
        Pkcs11Module.For(library).Use((lib, _) =>
        {
            var slot = lib.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(s => LabelOf(s) == "" && !s.GetTokenInfo().TokenFlags.TokenInitialized)
                ?? throw new SigningKeyException($"{library} has no empty token to initialise");
            slot.InitToken(soPin, label);
            using var session = Find(lib, label).OpenSession(SessionType.ReadWrite);
            session.Login(CKU.CKU_SO, soPin);
            session.InitPin(userPin);
            session.Logout();
            return 0;
        });

    /// <summary>Writes the private key of <paramref name="certificate"/>, the certificate and <paramref name="authorities"/> onto the token.</summary>
    public static void Write(string library, string tokenLabel, string userPin, X509Certificate2 certificate, IEnumerable<X509Certificate2> authorities,
        string keyLabel, byte[] id, bool alwaysAuthenticate = false) =>
        Pkcs11Module.For(library).Use((lib, _) =>
        {
            using var session = Find(lib, tokenLabel).OpenSession(SessionType.ReadWrite);
            try { session.Login(CKU.CKU_USER, userPin); }
            catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN) { }
            session.CreateObject([.. KeyAttributes(certificate, keyLabel, id, alwaysAuthenticate)]);
            session.CreateObject(CertificateAttributes(certificate, keyLabel, id));
            foreach (var authority in authorities) session.CreateObject(CertificateAttributes(authority, authority.GetNameInfo(X509NameType.SimpleName, false), []));
            return 0;
        });

    /// <summary>The token's label; null for a slot whose token cannot answer (another token that went away must not hide this one).</summary>
    public static string? LabelOf(ISlot slot)
    {
        try { return slot.GetTokenInfo().Label.TrimEnd(); }
        catch (Pkcs11Exception) { return null; }
    }

    private static ISlot Find(IPkcs11Library lib, string label) =>
        lib.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(s => LabelOf(s) == label)
        ?? throw new SigningKeyException($"no token labelled '{label}'");

    private static IEnumerable<IObjectAttribute> KeyAttributes(X509Certificate2 certificate, string label, byte[] id, bool alwaysAuthenticate)
    {
        var f = Pkcs11Module.Factories.ObjectAttributeFactory;
        yield return f.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY);
        yield return f.Create(CKA.CKA_TOKEN, true);
        yield return f.Create(CKA.CKA_PRIVATE, true);
        yield return f.Create(CKA.CKA_SENSITIVE, true);
        yield return f.Create(CKA.CKA_EXTRACTABLE, false);
        yield return f.Create(CKA.CKA_SIGN, true);
        yield return f.Create(CKA.CKA_LABEL, label);
        yield return f.Create(CKA.CKA_ID, id);
        yield return f.Create(CKA.CKA_ALWAYS_AUTHENTICATE, alwaysAuthenticate);
        if (certificate.GetRSAPrivateKey() is { } rsa)
        {
            using (rsa)
            {
                var p = rsa.ExportParameters(true);
                yield return f.Create(CKA.CKA_KEY_TYPE, CKK.CKK_RSA);
                yield return f.Create(CKA.CKA_MODULUS, p.Modulus!);
                yield return f.Create(CKA.CKA_PUBLIC_EXPONENT, p.Exponent!);
                yield return f.Create(CKA.CKA_PRIVATE_EXPONENT, p.D!);
                yield return f.Create(CKA.CKA_PRIME_1, p.P!);
                yield return f.Create(CKA.CKA_PRIME_2, p.Q!);
                yield return f.Create(CKA.CKA_EXPONENT_1, p.DP!);
                yield return f.Create(CKA.CKA_EXPONENT_2, p.DQ!);
                yield return f.Create(CKA.CKA_COEFFICIENT, p.InverseQ!);
            }
            yield break;
        }
        using var ec = certificate.GetECDsaPrivateKey() ?? throw new SigningKeyException("only RSA and EC keys can be written to a token");
        var e = ec.ExportParameters(true);
        var oid = new AsnWriter(AsnEncodingRules.DER);
        oid.WriteObjectIdentifier(e.Curve.Oid.Value ?? throw new SigningKeyException("only named curves can be written to a token"));
        yield return f.Create(CKA.CKA_KEY_TYPE, CKK.CKK_EC);
        yield return f.Create(CKA.CKA_EC_PARAMS, oid.Encode());
        yield return f.Create(CKA.CKA_VALUE, e.D!);
    }

    private static List<IObjectAttribute> CertificateAttributes(X509Certificate2 certificate, string label, byte[] id)
    {
        var f = Pkcs11Module.Factories.ObjectAttributeFactory;
        return
        [
            f.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE),
            f.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
            f.Create(CKA.CKA_TOKEN, true),
            f.Create(CKA.CKA_LABEL, label),
            f.Create(CKA.CKA_ID, id),
            f.Create(CKA.CKA_SUBJECT, certificate.SubjectName.RawData),
            f.Create(CKA.CKA_VALUE, certificate.RawData),
        ];
    }
}
