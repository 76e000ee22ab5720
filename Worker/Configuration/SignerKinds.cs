namespace Worker.Configuration;

/// <summary>The values of <c>Worker:Signers:NAME:Kind</c>.</summary>
public static class SignerKinds
{
    public const string Pkcs12 = "Pkcs12";
    public const string Bsre = "Bsre";
    public const string Pkcs11 = "Pkcs11";
    public const string Csc = "Csc";
}
