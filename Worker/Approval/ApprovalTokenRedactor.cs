using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Worker.Approval;

/// <summary>Replaces approval-link tokens in every logged string property (request paths, URLs) so no log line holds a usable link.</summary>
public sealed partial class ApprovalTokenRedactor : ILogEventEnricher
{
    public const string Replacement = "/approve/[redacted]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && Token().IsMatch(text))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Redact(text))));
        }
    }

    public static string Redact(string text) => Token().Replace(text, Replacement);

    [GeneratedRegex("/approve/[A-Za-z0-9_-]{16,}")]
    private static partial Regex Token();
}
