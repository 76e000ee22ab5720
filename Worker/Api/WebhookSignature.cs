using System.Security.Cryptography;

namespace Worker.Api;

/// <summary>The <c>X-Signature: sha256=HEX</c> header: HMAC-SHA256 of the exact body bytes with the client's secret.</summary>
public static class WebhookSignature
{
    public const string Header = "X-Signature";

    public static string Sign(byte[] secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    /// <summary>How a receiver checks it: recompute and compare in constant time.</summary>
    public static bool Verify(byte[] secret, byte[] body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Sign(secret, body)),
            System.Text.Encoding.ASCII.GetBytes(header));
}
