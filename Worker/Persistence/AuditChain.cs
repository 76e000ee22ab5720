using System.Security.Cryptography;
using System.Text;

namespace Worker.Persistence;

/// <summary>The hash that links each audit event to the one before it.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first event.</summary>
    public static readonly byte[] Genesis = new byte[32];

    /// <summary>SHA-256 over the previous hash and every field, each length-prefixed so no two events encode alike.</summary>
    public static byte[] Hash(byte[] previous, AuditEvent e)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        foreach (var field in new[]
                 {
                     e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"), e.DocumentId?.ToString() ?? "",
                     e.Actor, e.Action, e.Detail, e.Source,
                 })
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
        return hash.GetHashAndReset();
    }

    /// <summary>PostgreSQL keeps microseconds; trimming first makes the stored time hash the same as the written one.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}
