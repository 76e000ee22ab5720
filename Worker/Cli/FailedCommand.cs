using Worker.Notifications;
using Worker.Operators;

namespace Worker.Cli;

/// <summary>
/// <c>Worker failed list | resubmit ROUTE NAME | done ROUTE NAME</c>: the refused files in the routes' failed/ folders, and the
/// operators' answers to one (back to the inbox for a new try, or set aside as dealt with), audited with --as (else the OS user).
/// </summary>
public static class FailedCommand
{
    public const string Usage = "usage: Worker failed list | resubmit ROUTE NAME [--as NAME] | done ROUTE NAME [--as NAME] (each with [--config FILE])";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var sub = args.Length > 0 ? args[0] : "";
        var parsed = Arguments.Parse(args.Length > 0 ? args[1..] : [], ["--as", "--config"]);
        if (sub == "list")
        {
            if (parsed.Positional.Count > 0) throw new UsageException($"failed list takes no argument '{parsed.Positional[0]}'");
            return await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, options) =>
            {
                var zone = options.OfficeHours.Zone();
                foreach (var (route, file) in services.GetRequiredService<RefusedFileActions>().List())
                    await stdout.WriteLineAsync($"{route}\t{file.Name}\t{LocalTime.WithOffset(file.RefusedAt, zone)}\t{file.Reason}");
                return ExitCode.Done;
            });
        }
        if (sub is not ("resubmit" or "done") || parsed.Positional.Count != 2) throw new UsageException(Usage);
        var (routeName, name) = (parsed.Positional[0], parsed.Positional[1]);
        var who = OperatorServices.Identity(parsed.Value("--as"));
        return await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, _) =>
        {
            var actions = services.GetRequiredService<RefusedFileActions>();
            return await OperatorServices.ReportAsync(sub == "resubmit"
                ? await actions.ResubmitAsync(routeName, name, who, CancellationToken.None)
                : await actions.SetAsideAsync(routeName, name, who, CancellationToken.None), stdout, stderr);
        });
    }
}
