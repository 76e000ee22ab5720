namespace Worker.Signing.Bsre;

/// <summary>
/// Every name on the wire of BSrE's Esign Client Service API v2, in one place: the guide's text and its examples differ
/// (<c>totp</c>/<c>otp</c>, <c>tag</c>/<c>tag_koordinat</c>); we follow the request examples, which the installs accept.
/// </summary>
public static class BsreWire
{
    public const string SignPdfPath = "api/v2/sign/pdf";
    public const string StatusPath = "api/v2/user/check/status";

    public const string Nik = "nik";
    public const string Email = "email";
    public const string Passphrase = "passphrase";
    public const string SignatureProperties = "signatureProperties";
    public const string Tampilan = "tampilan";
    public const string Visible = "VISIBLE";
    public const string Invisible = "INVISIBLE";
    public const string ImageBase64 = "imageBase64";
    public const string Page = "page";
    public const string OriginX = "originX";
    public const string OriginY = "originY";
    public const string Width = "width";
    public const string Height = "height";
    public const string Location = "location";
    public const string Reason = "reason";
    public const string ContactInfo = "contactInfo";
    public const string File = "file";

    public const string Error = "error";
    public const string StatusCode = "status_code";
    public const string Status = "status";
    public const string Message = "message";

    /// <summary>The only certificate status that may sign.</summary>
    public const string Issued = "ISSUE";

    public const int WrongPassphraseCode = 2031;
    public const int NotRegisteredCode = 2011;
    public const int NoCertificateCode = 2021;
}
