using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Worker.Hosting.KeyProtection;

/// <summary>Encrypts each data-protection key (AES-256-GCM) before it is written to the database.</summary>
public sealed class SecretFileXmlEncryptor(KeyProtectionSecret secret) : IXmlEncryptor
{
    /// <summary>Element name of an encrypted key.</summary>
    public const string ElementName = "secretFileEncrypted";
    internal static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("tte data-protection key");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(secret.Key, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag, AssociatedData);
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(ElementName,
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(cipher)));
        return new EncryptedXmlInfo(element, typeof(SecretFileXmlDecryptor));
    }
}
