namespace Worker.Configuration;

/// <summary><c>Worker:Signers:NAME</c>: one signing identity.</summary>
public sealed class SignerOptions
{
    /// <summary><c>Pkcs12</c> (a key file this worker holds), <c>Pkcs11</c> (a key on a token or HSM) or <c>Bsre</c> (BSrE's Esign Client Service holds the key).</summary>
    public string Kind { get; set; } = SignerKinds.Pkcs12;
    /// <summary>PKCS#12 file with the key and its certificate chain (Kind Pkcs12).</summary>
    public string Pkcs12 { get; set; } = "";
    /// <summary>File holding the PKCS#12 password (Kind Pkcs12).</summary>
    public string PasswordFile { get; set; } = "";
    /// <summary>Name shown on the stamp.</summary>
    public string Name { get; set; } = "";
    /// <summary>Position shown on the stamp (jabatan).</summary>
    public string Position { get; set; } = "";
    /// <summary>The official's NIK as BSrE knows it (Kind Bsre; this or Email).</summary>
    public string Nik { get; set; } = "";
    /// <summary>The official's email as BSrE knows it (Kind Bsre; this or Nik).</summary>
    public string Email { get; set; } = "";
    /// <summary>What the official types at approval: <c>Passphrase</c> or <c>Totp</c> (a code BSrE sends; Kind Bsre); <c>Pin</c> or <c>Otp</c> (Kind Csc, where the default reads as Pin).</summary>
    public string Secret { get; set; } = SignerSecrets.Passphrase;
    /// <summary>SHA-256 (hex) of the certificate that must sign; empty means the NIK/email in the subject is checked.</summary>
    public string CertificateSha256 { get; set; } = "";
    /// <summary>The Esign Client Service (Kind Bsre).</summary>
    public BsreOptions Bsre { get; set; } = new();
    /// <summary>The official's credential (key and certificate) at the CSC service (Kind Csc).</summary>
    public string CredentialId { get; set; } = "";
    /// <summary>The CSC signing service (Kind Csc).</summary>
    public CscOptions Csc { get; set; } = new();
    /// <summary>The token or HSM holding the key (Kind Pkcs11).</summary>
    public Pkcs11Options Pkcs11 { get; set; } = new();
}
