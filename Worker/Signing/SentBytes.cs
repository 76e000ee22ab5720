using System.Security.Cryptography;

namespace Worker.Signing;

/// <summary>
/// The file a signer sent to a service that signs it whole (BSrE: the approved bytes plus our footnote revision), known by its
/// length and hash: the port requires the service's answer to start with exactly these bytes.
/// </summary>
public sealed record SentBytes
{
    /// <summary>How many bytes were sent.</summary>
    public required long Length { get; init; }
    /// <summary>Their SHA-256.</summary>
    public required byte[] Sha256 { get; init; }

    /// <summary>The length and hash of <paramref name="bytes"/>, as sent.</summary>
    public static SentBytes Of(ReadOnlySpan<byte> bytes) => new() { Length = bytes.Length, Sha256 = SHA256.HashData(bytes) };
}
