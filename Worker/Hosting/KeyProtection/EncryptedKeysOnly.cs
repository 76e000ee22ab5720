using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Worker.Hosting.KeyProtection;

/// <summary>
/// Hides keys stored unencrypted (written before keys were protected, or planted in the database): whoever can write the
/// table must not be able to choose the key that signs cookies.
/// </summary>
public sealed class EncryptedKeysOnly(IXmlRepository inner) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        inner.GetAllElements().Where(e => e.Name.LocalName != "key" || IsEncrypted(e)).ToList();

    public void StoreElement(XElement element, string friendlyName) => inner.StoreElement(element, friendlyName);

    // An encrypted key carries our element where the master key would be, and no requiresEncryption marker in the clear.
    private static bool IsEncrypted(XElement key) =>
        key.Descendants(SecretFileXmlEncryptor.ElementName).Any()
        && !key.Descendants().Any(d => d.Attributes().Any(a => a.Name.LocalName == "requiresEncryption"));
}
