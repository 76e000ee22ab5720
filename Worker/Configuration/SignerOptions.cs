namespace Worker.Configuration;

/// <summary><c>Worker:Signers:NAME</c>: one signing identity.</summary>
public sealed class SignerOptions
{
    /// <summary>PKCS#12 file with the key and its certificate chain.</summary>
    public string Pkcs12 { get; set; } = "";
    /// <summary>File holding the PKCS#12 password.</summary>
    public string PasswordFile { get; set; } = "";
    /// <summary>Name shown on the stamp.</summary>
    public string Name { get; set; } = "";
    /// <summary>Position shown on the stamp (jabatan).</summary>
    public string Position { get; set; } = "";
}
