using Microsoft.Extensions.Configuration;
using Worker.Configuration;

namespace Worker.Cli;

/// <summary>Reads one <c>Worker:Signers:NAME</c> entry for <c>sign --signer NAME</c>.</summary>
internal static class SignerProfile
{
    /// <summary>
    /// The profile named <paramref name="name"/>; only the Signers section is bound, so a configuration that is
    /// incomplete elsewhere (no database, no routes) still serves the command line.
    /// </summary>
    public static SignerOptions Load(string name, string? configFile)
    {
        var signers = WorkerConfiguration.Build(configFile).GetSection($"{WorkerOptions.Section}:Signers");
        var section = signers.GetSection(name);
        var key = $"{WorkerOptions.Section}:Signers:{name}";
        if (!section.Exists())
        {
            var known = signers.GetChildren().Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
            var hint = known.Count == 0 ? "none is configured" : $"configured: {string.Join(", ", known)}";
            throw new UsageException($"--signer: no signer '{name}' under {WorkerOptions.Section}:Signers ({hint})");
        }
        SignerOptions profile;
        try
        {
            profile = section.Get<SignerOptions>() ?? new SignerOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException($"{key}: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (profile.Kind is not (SignerKinds.Pkcs12 or SignerKinds.Pkcs11))
            throw new UsageException($"--signer {name}: Kind {profile.Kind} signs only through the approval page, where the official types the secret");
        if (profile.Kind == SignerKinds.Pkcs11)
        {
            var errors = new List<string>();
            SignerOptionsValidator.Check(errors, key, profile);
            // The stamp's name may come from --name or the certificate here.
            if (errors.FirstOrDefault(e => !e.StartsWith($"{key}:Name:", StringComparison.Ordinal)) is { } error) throw new UsageException(error);
            return profile;
        }
        if (string.IsNullOrWhiteSpace(profile.Pkcs12)) throw new UsageException($"{key}:Pkcs12: must name the signer's PKCS#12 file");
        if (string.IsNullOrWhiteSpace(profile.PasswordFile)) throw new UsageException($"{key}:PasswordFile: must name the file holding the password");
        return profile;
    }
}
