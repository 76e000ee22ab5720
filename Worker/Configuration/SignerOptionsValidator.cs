using System.Text.RegularExpressions;

namespace Worker.Configuration;

/// <summary>Checks one <c>Worker:Signers:NAME</c> profile; each mistake is one line naming its key.</summary>
public static partial class SignerOptionsValidator
{
    public static void Check(List<string> e, string key, SignerOptions s)
    {
        if (string.IsNullOrWhiteSpace(s.Name)) e.Add($"{key}:Name: must not be empty (it is shown on the stamp)");
        if (s.CertificateSha256.Length > 0 && !Sha256Hex().IsMatch(s.CertificateSha256))
            e.Add($"{key}:CertificateSha256: '{s.CertificateSha256}' is not 64 hexadecimal digits");
        switch (s.Kind)
        {
            case SignerKinds.Pkcs12:
                WorkerOptionsValidator.RequiredFile(e, $"{key}:Pkcs12", s.Pkcs12);
                WorkerOptionsValidator.RequiredFile(e, $"{key}:PasswordFile", s.PasswordFile);
                break;
            case SignerKinds.Bsre:
                CheckBsre(e, key, s);
                break;
            case SignerKinds.Pkcs11:
                CheckPkcs11(e, $"{key}:Pkcs11", s.Pkcs11);
                break;
            case SignerKinds.Csc:
                CscOptionsValidator.Check(e, key, s);
                break;
            default:
                e.Add($"{key}:Kind: '{s.Kind}' must be {SignerKinds.Pkcs12}, {SignerKinds.Pkcs11}, {SignerKinds.Bsre} or {SignerKinds.Csc}");
                break;
        }
    }

    private static void CheckBsre(List<string> e, string key, SignerOptions s)
    {
        var b = s.Bsre;
        WorkerOptionsValidator.Url(e, $"{key}:Bsre:Url", b.Url);
        WorkerOptionsValidator.RequiredFile(e, $"{key}:Bsre:UserFile", b.UserFile);
        WorkerOptionsValidator.RequiredFile(e, $"{key}:Bsre:PasswordFile", b.PasswordFile);
        if (b.Api is not ("V2" or "V1")) e.Add($"{key}:Bsre:Api: '{b.Api}' must be V2 or V1");
        if (b.BatchSize is < 1 or > 100) e.Add($"{key}:Bsre:BatchSize: {b.BatchSize} must be from 1 to 100");
        if (b.Timeout <= TimeSpan.Zero || b.Timeout > TimeSpan.FromMinutes(5))
            e.Add($"{key}:Bsre:Timeout: {b.Timeout} must be more than 0 and at most 00:05:00");
        if ((s.Nik.Length > 0) == (s.Email.Length > 0)) e.Add($"{key}:Nik: set exactly one of Nik and Email (how BSrE knows the official)");
        else if (s.Nik.Length > 0 && !Nik().IsMatch(s.Nik)) e.Add($"{key}:Nik: '{s.Nik}' is not a 16-digit NIK");
        else if (s.Email.Length > 0 && !s.Email.Contains('@')) e.Add($"{key}:Email: '{s.Email}' is not an email address");
        if (s.Secret is not (SignerSecrets.Passphrase or SignerSecrets.Totp))
            e.Add($"{key}:Secret: '{s.Secret}' must be {SignerSecrets.Passphrase} or {SignerSecrets.Totp}");
        // v1 has a status call by NIK only and no TOTP.
        if (b.Api == "V1" && s.Nik.Length == 0) e.Add($"{key}:Nik: Bsre:Api V1 names the official by NIK; set Nik (or use V2)");
        if (b.Api == "V1" && s.Secret == SignerSecrets.Totp) e.Add($"{key}:Secret: Totp needs Bsre:Api V2");
    }

    private static void CheckPkcs11(List<string> e, string key, Pkcs11Options p)
    {
        WorkerOptionsValidator.RequiredFile(e, $"{key}:Library", p.Library);
        WorkerOptionsValidator.RequiredFile(e, $"{key}:PinFile", p.PinFile);
        if ((p.TokenLabel.Length > 0) == p.SlotId.HasValue) e.Add($"{key}:TokenLabel: set exactly one of TokenLabel and SlotId (which token holds the key)");
        if ((p.KeyLabel.Length > 0) == (p.KeyId.Length > 0)) e.Add($"{key}:KeyLabel: set exactly one of KeyLabel and KeyId (which key on the token)");
        else if (p.KeyId.Length > 0 && !HexBytes().IsMatch(p.KeyId)) e.Add($"{key}:KeyId: '{p.KeyId}' is not hexadecimal bytes");
        if (p.CertificateFile.Length > 0) WorkerOptionsValidator.RequiredFile(e, $"{key}:CertificateFile", p.CertificateFile);
    }

    [GeneratedRegex("^([0-9A-Fa-f]{2})+$")]
    private static partial Regex HexBytes();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[0-9]{16}$")]
    private static partial Regex Nik();
}
