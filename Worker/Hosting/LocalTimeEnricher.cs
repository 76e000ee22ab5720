using Serilog.Core;
using Serilog.Events;

namespace Worker.Hosting;

/// <summary>Adds LocalTime, the event's time in the office time zone (WITA), so logs read like every other time the worker shows.</summary>
public sealed class LocalTimeEnricher(TimeZoneInfo zone) : ILogEventEnricher
{
    /// <summary>The property the output templates print.</summary>
    public const string Property = "LocalTime";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
        logEvent.AddPropertyIfAbsent(new LogEventProperty(Property, new ScalarValue(TimeZoneInfo.ConvertTime(logEvent.Timestamp, zone))));
}
