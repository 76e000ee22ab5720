namespace Worker.Signing.Csc;

/// <summary>
/// Every name on the wire of the Cloud Signature Consortium API v2 (v2.0.0.2) that we use, in one place: service
/// authentication by the OAuth2 client credentials grant, then credentials/info, credentials/authorize, signatures/signHash.
/// </summary>
public static class CscWire
{
    public const string TokenPath = "oauth2/token";
    public const string InfoPath = "credentials/info";
    public const string AuthorizePath = "credentials/authorize";
    public const string SignHashPath = "signatures/signHash";

    public const string GrantType = "grant_type";
    public const string ClientCredentials = "client_credentials";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string AccessToken = "access_token";

    public const string CredentialId = "credentialID";
    public const string Certificates = "certificates";
    public const string Chain = "chain";
    public const string CertInfo = "certInfo";
    public const string AuthInfo = "authInfo";
    public const string Key = "key";
    public const string Cert = "cert";
    public const string Status = "status";
    public const string Algo = "algo";
    public const string Auth = "auth";
    public const string Mode = "mode";

    public const string NumSignatures = "numSignatures";
    public const string Hashes = "hashes";
    public const string HashAlgorithmOid = "hashAlgorithmOID";
    public const string AuthData = "authData";
    public const string Id = "id";
    public const string Value = "value";
    public const string Sad = "SAD";
    public const string SignAlgo = "signAlgo";
    public const string Signatures = "signatures";

    public const string Error = "error";
    public const string ErrorDescription = "error_description";

    /// <summary>The authData id of a PIN, and of a one-time password.</summary>
    public const string Pin = "PIN";
    public const string Otp = "OTP";

    /// <summary>A usable key, and a usable certificate.</summary>
    public const string KeyEnabled = "enabled";
    public const string CertValid = "valid";
    /// <summary>The only authorization mode we drive: the PIN/OTP is sent to credentials/authorize.</summary>
    public const string Explicit = "explicit";

    /// <summary>Error codes that mean the official's PIN or OTP was wrong (the one refusal they can fix by retyping).</summary>
    public static readonly string[] WrongSecretErrors = ["invalid_pin", "invalid_otp"];
    /// <summary>A refused SAD: expired or used.</summary>
    public const string InvalidSad = "invalid_sad";

    public const string Sha256 = "2.16.840.1.101.3.4.2.1";
    public const string RsaEncryption = "1.2.840.113549.1.1.1";
    public const string Sha256WithRsa = "1.2.840.113549.1.1.11";
    public const string EcPublicKey = "1.2.840.10045.2.1";
    public const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";
}
