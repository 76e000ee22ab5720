using System.Buffers.Text;
using System.Security.Cryptography;

namespace Worker.Approval;

/// <summary>Link tokens: 32 random bytes in base64url; only their SHA-256 is ever stored.</summary>
public static class ApprovalTokens
{
    private const int Bytes = 32;

    /// <summary>A new token for a link.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The SHA-256 of the token's bytes, or null when it is not a token at all (then nothing is looked up).</summary>
    public static byte[]? Hash(string token)
    {
        Span<byte> raw = stackalloc byte[Bytes + 2];
        if (token.Length != 43 || !Base64Url.TryDecodeFromChars(token, raw, out var written) || written != Bytes) return null;
        return SHA256.HashData(raw[..Bytes]);
    }
}
