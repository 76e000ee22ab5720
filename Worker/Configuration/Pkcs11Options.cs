namespace Worker.Configuration;

/// <summary><c>Worker:Signers:NAME:Pkcs11</c>: a key on a USB token or an HSM, used through its PKCS#11 module (Kind Pkcs11).</summary>
public sealed class Pkcs11Options
{
    /// <summary>Path of the token's PKCS#11 module (a .so file, e.g. /usr/lib/softhsm/libsofthsm2.so).</summary>
    public string Library { get; set; } = "";
    /// <summary>The token's label (this or SlotId).</summary>
    public string TokenLabel { get; set; } = "";
    /// <summary>The slot number (this or TokenLabel).</summary>
    public ulong? SlotId { get; set; }
    /// <summary>The private key's CKA_LABEL (this or KeyId).</summary>
    public string KeyLabel { get; set; } = "";
    /// <summary>The private key's CKA_ID in hexadecimal (this or KeyLabel).</summary>
    public string KeyId { get; set; } = "";
    /// <summary>File holding the user PIN.</summary>
    public string PinFile { get; set; } = "";
    /// <summary>PEM file with the certificate (and its chain) when the token does not hold it; empty means it is read from the token.</summary>
    public string CertificateFile { get; set; } = "";
    /// <summary>RSA keys sign with RSA-PSS instead of PKCS#1 v1.5.</summary>
    public bool RsaPss { get; set; }
}
