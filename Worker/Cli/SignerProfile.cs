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
        if (string.IsNullOrWhiteSpace(profile.Pkcs12)) throw new UsageException($"{key}:Pkcs12: must name the signer's PKCS#12 file");
        if (string.IsNullOrWhiteSpace(profile.PasswordFile)) throw new UsageException($"{key}:PasswordFile: must name the file holding the password");
        return profile;
    }
}
