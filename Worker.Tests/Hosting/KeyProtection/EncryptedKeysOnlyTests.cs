using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Worker.Hosting.KeyProtection;

namespace Worker.Tests.Hosting.KeyProtection;

/// <summary>A key written into the table unencrypted (by an old version, or planted by whoever can write the database) is never used.</summary>
public sealed class EncryptedKeysOnlyTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("plain-keys-");

    public void Dispose() => folder.Delete(recursive: true);

    private sealed class Memory(IEnumerable<XElement> elements) : IXmlRepository
    {
        public List<XElement> Elements { get; } = elements.ToList();
        public IReadOnlyCollection<XElement> GetAllElements() => Elements;
        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }

    [Fact]
    public void GetAllElements_HidesUnencryptedKeys_AndKeepsEncryptedOnes()
    {
        // A key as plain ASP.NET Core writes it on Linux: the master key in the clear.
        DataProtectionProvider.Create(folder).CreateProtector("x").Protect("y"u8.ToArray());
        var plain = folder.GetFiles("key-*.xml").Select(f => XElement.Load(f.FullName)).ToList();
        Assert.Single(plain);
        Assert.Contains("masterKey", plain[0].ToString());

        var secretFile = Path.Combine(folder.FullName, "keys.secret");
        File.WriteAllBytes(secretFile, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var encrypted = new SecretFileXmlEncryptor(KeyProtectionSecret.FromFile(secretFile)).Encrypt(new XElement("masterKey", "secret"));
        var encryptedKey = new XElement("key", new XAttribute("id", Guid.NewGuid()), new XElement("descriptor", encrypted.EncryptedElement));
        var revocation = new XElement("revocation", new XElement("key", new XAttribute("id", "*")));

        var visible = new EncryptedKeysOnly(new Memory([plain[0], encryptedKey, revocation])).GetAllElements();

        Assert.DoesNotContain(plain[0], visible);
        Assert.Contains(encryptedKey, visible);
        Assert.Contains(revocation, visible);
        Assert.DoesNotContain("secret<", encryptedKey.ToString());
    }
}
