using Worker.Operators;

namespace Worker.Cli;

/// <summary><c>Worker approvals resend ID [--as NAME] [--config FILE]</c>: a new link for the waiting approver of a document (or of one step).</summary>
public static class ApprovalsCommand
{
    public const string Usage = "usage: Worker approvals resend ID [--as NAME] [--config FILE]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "resend") throw new UsageException(Usage);
        var parsed = Arguments.Parse(args[1..], ["--as", "--config"]);
        var id = OperatorServices.Id(parsed.Positional, Usage);
        var who = OperatorServices.Identity(parsed.Value("--as"));
        return await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, _) =>
            await OperatorServices.ReportAsync(
                await services.GetRequiredService<OperatorActions>().ResendAsync(id, who, CancellationToken.None), stdout, stderr));
    }
}
