using Worker.Approval;
using Worker.Operators;
using Worker.Persistence;

namespace Worker.Cli;

/// <summary>
/// <c>Worker documents list|show|retry|cancel</c>: the operators' view of documents and their actions on one; each action is
/// audited with the operator's name (--as, else the OS user).
/// </summary>
public static class DocumentsCommand
{
    public const string Usage =
        "usage: Worker documents list [--state S] [--route R] [--limit N] | show ID | retry ID [--as NAME] | cancel ID --reason TEXT [--as NAME]" +
        " (each with [--config FILE])";

    private static readonly string[] States = Enum.GetNames<DocumentState>();

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var sub = args.Length > 0 ? args[0] : "";
        var rest = args.Length > 0 ? args[1..] : [];
        return sub switch
        {
            "list" => await ListAsync(Arguments.Parse(rest, ["--state", "--route", "--limit", "--config"]), stdout, stderr),
            "show" => await ShowAsync(Arguments.Parse(rest, ["--config"]), stdout, stderr),
            "retry" => await RetryAsync(Arguments.Parse(rest, ["--as", "--config"]), stdout, stderr),
            "cancel" => await CancelAsync(Arguments.Parse(rest, ["--reason", "--as", "--config"]), stdout, stderr),
            _ => throw new UsageException(Usage),
        };
    }

    private static async Task<int> ListAsync(Arguments parsed, TextWriter stdout, TextWriter stderr)
    {
        if (parsed.Positional.Count > 0) throw new UsageException($"documents list takes no argument '{parsed.Positional[0]}'");
        var state = parsed.Value("--state") is { } s
            ? States.FirstOrDefault(k => k.Equals(s, StringComparison.OrdinalIgnoreCase))
              ?? throw new UsageException($"--state: '{s}' is not one of {string.Join(", ", States)}")
            : null;
        var limit = parsed.Value("--limit") is { } l ? int.TryParse(l, out var n) && n > 0 ? n : throw new UsageException("--limit must be a positive number") : 100;
        return await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, options) =>
        {
            var documents = await services.GetRequiredService<DocumentQueries>().ListAsync(parsed.Value("--route"), state, limit, CancellationToken.None);
            DocumentReport.WriteList(stdout, documents, options.OfficeHours.Zone());
            return ExitCode.Done;
        });
    }

    private static async Task<int> ShowAsync(Arguments parsed, TextWriter stdout, TextWriter stderr)
    {
        var id = OperatorServices.Id(parsed.Positional, "usage: Worker documents show ID [--config FILE]");
        return await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, options) =>
        {
            var approvals = services.GetRequiredService<ApprovalStore>();
            var queries = services.GetRequiredService<DocumentQueries>();
            var document = await approvals.DocumentAsync(id, CancellationToken.None);
            if (document is null)
            {
                await stderr.WriteLineAsync($"no document {id}");
                return ExitCode.Usage;
            }
            var steps = await approvals.StepsAsync(id, CancellationToken.None);
            var history = await queries.AuditTrailAsync(id, CancellationToken.None);
            DocumentReport.WriteDetails(stdout, document, steps, history, options.OfficeHours.Zone());
            return ExitCode.Done;
        });
    }

    private static async Task<int> RetryAsync(Arguments parsed, TextWriter stdout, TextWriter stderr)
    {
        var id = OperatorServices.Id(parsed.Positional, "usage: Worker documents retry ID [--as NAME] [--config FILE]");
        var who = OperatorServices.Identity(parsed.Value("--as"));
        return await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, _) =>
            await OperatorServices.ReportAsync(
                await services.GetRequiredService<OperatorActions>().RetryAsync(id, who, CancellationToken.None), stdout, stderr));
    }

    private static async Task<int> CancelAsync(Arguments parsed, TextWriter stdout, TextWriter stderr)
    {
        const string usage = "usage: Worker documents cancel ID --reason TEXT [--as NAME] [--config FILE]";
        var id = OperatorServices.Id(parsed.Positional, usage);
        var reason = parsed.Value("--reason");
        if (string.IsNullOrWhiteSpace(reason)) throw new UsageException($"--reason is required: the submitter and the declined/ folder are told why. {usage}");
        var who = OperatorServices.Identity(parsed.Value("--as"));
        return await OperatorServices.RunAsync(parsed.Value("--config"), stderr, async (services, _) =>
            await OperatorServices.ReportAsync(
                await services.GetRequiredService<OperatorActions>().CancelAsync(id, reason, who, CancellationToken.None), stdout, stderr));
    }
}
