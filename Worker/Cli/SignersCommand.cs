using Worker.Configuration;
using Worker.Signing;

namespace Worker.Cli;

/// <summary><c>Worker signers check [NAME] [--config FILE]</c>: one line per signer saying whether it can sign now; exit 1 when one cannot.</summary>
public static class SignersCommand
{
    public const string Usage = "usage: Worker signers check [NAME] [--config FILE]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "check") throw new UsageException(Usage);
        var parsed = Arguments.Parse(args[1..], ["--config"]);
        if (parsed.Positional.Count > 1) throw new UsageException(Usage);
        var name = parsed.Positional.FirstOrDefault();
        var configuration = WorkerConfiguration.Build(parsed.Value("--config"));
        var settings = WorkerConfiguration.Bind(configuration);
        // Only the signers are checked: the check must work on a machine without the route shares.
        var errors = new List<string>();
        foreach (var (signer, profile) in settings.Signers.Where(s => name is null || s.Key == name))
            SignerOptionsValidator.Check(errors, $"{WorkerOptions.Section}:Signers:{signer}", profile);
        if (errors.Count > 0) throw new UsageException(errors[0]);
        if (name is not null && !settings.Signers.ContainsKey(name)) throw new UsageException($"signer '{name}' is not configured under {WorkerOptions.Section}:Signers");

        // The signer watch's own check, built from the worker's registrations.
        await using var services = OperatorServices.Build(configuration, settings);
        var results = await services.GetRequiredService<SignerReadiness>().CheckAsync(name, CancellationToken.None);
        foreach (var r in results) await (r.Ready ? stdout : stderr).WriteLineAsync(r.Line);
        return results.All(r => r.Ready) ? ExitCode.Done : ExitCode.Unexpected;
    }
}
