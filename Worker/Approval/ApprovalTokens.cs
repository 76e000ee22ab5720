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
        // TryDecode throws on characters outside the alphabet, so the alphabet is checked first.
        if (token.Length != 43 || !Base64Url.IsValid(token, out var length) || length != Bytes) return null;
        Span<byte> raw = stackalloc byte[Bytes];
        return Base64Url.TryDecodeFromChars(token, raw, out var written) && written == Bytes ? SHA256.HashData(raw) : null;
    }
}
