using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Worker.Cli;

/// <summary>
/// <c>Worker api-key NAME</c>: prints a new random API key once, its SHA-256 and the configuration entry to paste under
/// Worker:Api:Clients. Only the hash goes into configuration, so a leaked config file does not leak the key.
/// </summary>
public static class ApiKeyCommand
{
    /// <summary>Keys start with this, so secret scanners and people can tell what a leaked string is.</summary>
    public const string Prefix = "tte_";

    public static int Run(string[] args, TextWriter stdout)
    {
        if (args.Length != 1) throw new UsageException("usage: Worker api-key NAME (the client's name, e.g. e-office)");
        var name = args[0];
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new UsageException($"api-key: '{name}' must be letters, digits, '-' or '_'");
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = Hash(key);
        var entry = new JsonObject
        {
            ["Name"] = name, ["KeySha256"] = hash, ["Routes"] = new JsonArray("surat-keluar"),
            ["WebhookUrl"] = "", ["WebhookSecretFile"] = "",
        };
        stdout.WriteLine($"API key for {name} (give it to the client once; it is not stored anywhere):");
        stdout.WriteLine($"  {key}");
        stdout.WriteLine("SHA-256 of the key (this goes into the configuration):");
        stdout.WriteLine($"  {hash}");
        stdout.WriteLine("Add to Worker:Api:Clients, with the routes it may submit to:");
        stdout.WriteLine(entry.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return ExitCode.Done;
    }

    /// <summary>What Worker:Api:Clients:N:KeySha256 holds for <paramref name="key"/>.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
