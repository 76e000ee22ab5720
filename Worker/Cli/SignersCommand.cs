using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Signing;
using Worker.Signing.Bsre;
using Worker.Signing.Keys;

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
        var settings = WorkerConfiguration.Build(parsed.Value("--config")).GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        var errors = new List<string>();
        foreach (var (signer, profile) in settings.Signers.Where(s => name is null || s.Key == name))
            SignerOptionsValidator.Check(errors, $"{WorkerOptions.Section}:Signers:{signer}", profile);
        if (errors.Count > 0) throw new UsageException(errors[0]);
        if (name is not null && !settings.Signers.ContainsKey(name)) throw new UsageException($"signer '{name}' is not configured under {WorkerOptions.Section}:Signers");

        var options = Options.Create(settings);
        await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        await using var keys = new SignerKeys(options, TimeProvider.System);
        var http = services.GetRequiredService<IHttpClientFactory>();
        var csc = new Worker.Signing.Csc.CscReadiness(http, Options.Create(settings.Signing), TimeProvider.System);
        var readiness = new SignerReadiness(keys, new BsreSigner(http, options, TimeProvider.System), csc, Worker.Verification.VerificationPolicies.Anchors(settings), options,
            TimeProvider.System);
        var results = await readiness.CheckAsync(name, CancellationToken.None);
        foreach (var r in results) await (r.Ready ? stdout : stderr).WriteLineAsync(r.Line);
        return results.All(r => r.Ready) ? ExitCode.Done : ExitCode.Unexpected;
    }
}
