using System.Security.Cryptography;
using System.Text;

namespace Worker.Hosting.KeyProtection;

/// <summary>The AES-256 key derived from <c>Worker:Web:KeyProtectionFile</c>; it never leaves this process.</summary>
public sealed class KeyProtectionSecret
{
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("tte-signing-worker data-protection keys v1");

    /// <summary>The derived AES-256 key.</summary>
    public byte[] Key { get; }

    private KeyProtectionSecret(byte[] key) => Key = key;

    /// <summary>Reads the file; the whole file is the secret, so a random binary or a PEM file both work.</summary>
    public static KeyProtectionSecret FromFile(string path) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, File.ReadAllBytes(path), 32, salt: [], info: Info));
}
