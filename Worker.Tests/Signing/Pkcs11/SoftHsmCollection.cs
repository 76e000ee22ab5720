namespace Worker.Tests.Signing.Pkcs11;

/// <summary>Tests that load the SoftHSM2 module run one after another: taking a token away reloads the module for the whole process.</summary>
[CollectionDefinition(Name)]
public sealed class SoftHsmCollection
{
    public const string Name = "softhsm";
}
