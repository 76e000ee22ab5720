using Serilog.Events;

namespace Worker.Hosting;

/// <summary>
/// Quartz's warnings that a clustered node found "failed or restarted instances" and freed their triggers: after every restart
/// they name this worker's own previous run, so the console (what a person watches) leaves them out; the log file keeps them.
/// </summary>
public static class RestartNotice
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "FailedInstancesDetected", "AcquiredTriggersFreed" };

    /// <summary>True for one of those events.</summary>
    public static bool Is(LogEvent e) =>
        e.Level == LogEventLevel.Warning
        && e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string s } && s.StartsWith("Quartz.", StringComparison.Ordinal)
        && e.Properties.TryGetValue("EventId", out var id) && id is StructureValue structure
        && structure.Properties.Any(p => p.Name == "Name" && p.Value is ScalarValue { Value: string name } && Names.Contains(name));
}
