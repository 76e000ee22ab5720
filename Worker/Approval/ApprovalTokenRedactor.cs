using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Worker.Approval;

/// <summary>Replaces approval- and queue-link tokens in every logged string property (request paths, URLs) so no log line holds a usable link.</summary>
public sealed partial class ApprovalTokenRedactor : ILogEventEnricher
{
    public const string Replacement = "/approve/[redacted]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && (Token().IsMatch(text) || QueueToken().IsMatch(text)))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Redact(text))));
        }
    }

    /// <summary>What a queue link's token becomes.</summary>
    public const string QueueReplacement = "/queue/[redacted]";

    public static string Redact(string text) => QueueToken().Replace(Token().Replace(text, Replacement), QueueReplacement);

    [GeneratedRegex("/approve/[A-Za-z0-9_-]{16,}")]
    private static partial Regex Token();

    [GeneratedRegex("/queue/[A-Za-z0-9_-]{16,}")]
    private static partial Regex QueueToken();
}
