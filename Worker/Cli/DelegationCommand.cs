using Worker.Configuration;
using Worker.Operators;

namespace Worker.Cli;

/// <summary>
/// <c>Worker delegation set | end ID | list</c>: an official's deputy for a window of days, as on the dashboard's Delegations
/// page; set and end are audited with --as (else the OS user).
/// </summary>
public static class DelegationCommand
{
    public const string Usage =
        "usage: Worker delegation set --approver EMAIL --deputy EMAIL --name NAME --signer NAME --kind Plh|Plt|an --from yyyy-MM-dd --to yyyy-MM-dd " +
        "[--position TEXT] [--nip NIP] [--rank TEXT] [--as NAME] | end ID [--as NAME] | list  (each with [--config FILE])";

    private static readonly string[] Options =
        ["--approver", "--deputy", "--name", "--position", "--signer", "--nip", "--rank", "--kind", "--from", "--to", "--as", "--config"];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var sub = args.Length > 0 ? args[0] : "";
        var parsed = Arguments.Parse(args.Length > 0 ? args[1..] : [], Options);
        var who = OperatorServices.Identity(parsed.Value("--as"));
        return sub switch
        {
            "list" when parsed.Positional.Count == 0 => await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, options) =>
            {
                var zone = options.OfficeHours.Zone();
                foreach (var (source, d) in await services.GetRequiredService<DelegationActions>().ListAsync(CancellationToken.None))
                    await stdout.WriteLineAsync(string.Join('\t', d.Id?.ToString() ?? "-", source, d.Kind, d.ApproverEmail, d.DeputyEmail, d.DeputyName,
                        d.DeputySigner, Local(d.StartsAt, zone), Local(d.Until, zone)));
                return ExitCode.Done;
            }),
            "end" => await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, _) =>
                await OperatorServices.ReportAsync(await services.GetRequiredService<DelegationActions>()
                    .EndAsync(Id(parsed.Positional), who, CancellationToken.None), stdout, stderr)),
            "set" when parsed.Positional.Count == 0 => await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, _) =>
                await OperatorServices.ReportAsync(await services.GetRequiredService<DelegationActions>()
                    .SetAsync(Request(parsed), who, CancellationToken.None), stdout, stderr)),
            _ => throw new UsageException(Usage),
        };
    }

    private static DelegationRequest Request(Arguments a) => new()
    {
        Approver = Required(a, "--approver"), DeputyEmail = Required(a, "--deputy"), DeputyName = Required(a, "--name"),
        DeputySigner = Required(a, "--signer"), Kind = Required(a, "--kind"), From = Required(a, "--from"), To = Required(a, "--to"),
        DeputyPosition = a.Value("--position") ?? "", Nip = a.Value("--nip") ?? "", Rank = a.Value("--rank") ?? "",
    };

    private static string Required(Arguments a, string name) => a.Value(name) ?? throw new UsageException($"delegation set needs {name}. {Usage}");

    private static Guid Id(IReadOnlyList<string> positional) =>
        positional.Count == 1 && Guid.TryParse(positional[0], out var id) ? id
            : throw new UsageException(positional.Count == 1 ? $"'{positional[0]}' is not a delegation id (a GUID)" : Usage);

    // Days are what people set; the end shown is the first moment after the window, in office time.
    private static string Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm zzz");
}
