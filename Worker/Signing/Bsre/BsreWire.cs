namespace Worker.Signing.Bsre;

/// <summary>
/// Every name on the wire of BSrE's Esign Client Service (API v2 and v1), in one place: the guide's text and its examples
/// differ (<c>totp</c>/<c>otp</c>, <c>tag</c>/<c>tag_koordinat</c>); we follow the request examples, which the installs accept.
/// </summary>
public static class BsreWire
{
    public const string SignPdfPath = "api/v2/sign/pdf";
    public const string StatusPath = "api/v2/user/check/status";
    public const string TotpPath = "api/v2/sign/get/totp";

    public const string Nik = "nik";
    public const string Email = "email";
    public const string Passphrase = "passphrase";
    /// <summary>The code field of a TOTP signing (the guide's text also says <c>otp</c>; its examples say <c>totp</c>).</summary>
    public const string Totp = "totp";
    /// <summary>How many files the TOTP code asked for will sign.</summary>
    public const string TotpFiles = "data";
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

    // API v1 (older installs): multipart form fields, answered with the signed PDF's bytes.
    public const string V1SignPdfPath = "api/sign/pdf";
    /// <summary>Followed by the NIK.</summary>
    public const string V1StatusPath = "api/user/status/";
    public const string V1File = "file";
    public const string V1Visible = "visible";
    public const string V1Invisible = "invisible";
    /// <summary>"true" when <see cref="V1ImageTtd"/> holds the picture to draw.</summary>
    public const string V1Image = "image";
    public const string V1ImageTtd = "imageTTD";
    public const string V1XAxis = "xAxis";
    public const string V1YAxis = "yAxis";

    /// <summary>The only certificate status that may sign.</summary>
    public const string Issued = "ISSUE";

    public const int WrongPassphraseCode = 2031;
    public const int NotRegisteredCode = 2011;
    public const int NoCertificateCode = 2021;
}
