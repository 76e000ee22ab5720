using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Worker.Hosting.KeyProtection;

/// <summary>Decrypts what <see cref="SecretFileXmlEncryptor"/> wrote; with another secret file the key stays unusable.</summary>
public sealed class SecretFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetRequiredService<KeyProtectionSecret>();
        byte[] Part(string name) => Convert.FromBase64String(encryptedElement.Element(name)?.Value
            ?? throw new CryptographicException($"encrypted data-protection key has no {name}"));
        var nonce = Part("nonce");
        var tag = Part("tag");
        var cipher = Part("value");
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(secret.Key, tag.Length)) aes.Decrypt(nonce, cipher, tag, plain, SecretFileXmlEncryptor.AssociatedData);
        try { return XElement.Parse(Encoding.UTF8.GetString(plain)); }
        finally { CryptographicOperations.ZeroMemory(plain); }
    }
}
