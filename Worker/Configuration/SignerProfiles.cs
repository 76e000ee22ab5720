using System.Collections.ObjectModel;

namespace Worker.Configuration;

/// <summary>
/// The configured signers (Worker:Signers) by name: a read-only view of the bound options' own dictionary, so a class
/// that needs a signer's profile asks for this rather than for every setting.
/// </summary>
public sealed class SignerProfiles(IDictionary<string, SignerOptions> signers) : ReadOnlyDictionary<string, SignerOptions>(signers);
