using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Worker.Api;

/// <summary>
/// The <c>X-Signature: t=UNIX,sha256=HEX</c> header: HMAC-SHA256 with the client's secret over the ASCII bytes
/// <c>t=UNIX.</c> followed by the exact body; the time lets a receiver refuse a recorded delivery played back later.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Signature";

    /// <summary>How far a receiver should let the signing time be from its own clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(byte[] secret, DateTimeOffset at, byte[] body)
    {
        var t = "t=" + at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{t},sha256={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>How a receiver checks it: the time within <see cref="Tolerance"/>, then the HMAC compared in constant time.</summary>
    public static bool Verify(byte[] secret, byte[] body, string? header, DateTimeOffset now)
    {
        var parts = (header ?? "").Split(',', 2);
        if (parts.Length != 2 || !parts[0].StartsWith("t=", StringComparison.Ordinal) || !parts[1].StartsWith("sha256=", StringComparison.Ordinal)
            || !long.TryParse(parts[0][2..], NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            return false;
        if (unix > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(unix)).Duration() > Tolerance) return false;
        byte[] sent;
        try { sent = Convert.FromHexString(parts[1]["sha256=".Length..]); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(sent, Mac(secret, parts[0], body));
    }

    private static byte[] Mac(byte[] secret, string t, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.ASCII.GetBytes(t + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
