namespace Worker.Configuration;

/// <summary>The public verification page of a document, the one address the QR code, mails and the API all give.</summary>
public static class VerifyLink
{
    /// <summary>PublicBaseUrl + /verify/{id}, without a doubled slash.</summary>
    public static string For(string publicBaseUrl, Guid documentId) => $"{publicBaseUrl.TrimEnd('/')}/verify/{documentId}";
}
