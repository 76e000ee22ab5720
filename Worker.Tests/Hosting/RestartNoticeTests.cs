using Serilog.Events;
using Serilog.Parsing;
using Worker.Hosting;

namespace Worker.Tests.Hosting;

public class RestartNoticeTests
{
    [Fact]
    public void Is_True_WhenQuartzReportsThePreviousRunOfARestartedNode()
    {
        Assert.True(RestartNotice.Is(Event(LogEventLevel.Warning, "Quartz.Impl.AdoJobStore.LocalTransactionJobStore", "FailedInstancesDetected")));
        Assert.True(RestartNotice.Is(Event(LogEventLevel.Warning, "Quartz.Impl.AdoJobStore.LocalTransactionJobStore", "AcquiredTriggersFreed")));
    }

    [Fact]
    public void Is_False_WhenTheWarningSaysSomethingElseOrComesFromElsewhere()
    {
        // A transient database failure is a real warning and stays on the console.
        Assert.False(RestartNotice.Is(Event(LogEventLevel.Warning, "Quartz.Impl.AdoJobStore.LocalTransactionJobStore", "TransientFailureInCheckIn")));
        Assert.False(RestartNotice.Is(Event(LogEventLevel.Warning, "Worker.Intake.IntakeService", "FailedInstancesDetected")));
        Assert.False(RestartNotice.Is(Event(LogEventLevel.Error, "Quartz.Impl.AdoJobStore.LocalTransactionJobStore", "FailedInstancesDetected")));
    }

    private static LogEvent Event(LogEventLevel level, string source, string eventName) => new(
        DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse("ClusterManager: detected 1 failed or restarted instances."),
        [
            new LogEventProperty("SourceContext", new ScalarValue(source)),
            new LogEventProperty("EventId", new StructureValue([new LogEventProperty("Id", new ScalarValue(3503)), new LogEventProperty("Name", new ScalarValue(eventName))])),
        ]);
}
