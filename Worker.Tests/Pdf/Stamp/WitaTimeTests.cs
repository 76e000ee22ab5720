using Worker.Pdf.Stamp;

namespace Worker.Tests.Pdf.Stamp;

public class WitaTimeTests
{
    [Fact]
    public void Format_ShowsMakassarLocalTime_WhenGivenAnyOffset()
    {
        var utc = new DateTimeOffset(2026, 11, 27, 6, 5, 0, TimeSpan.Zero);
        var jakarta = utc.ToOffset(TimeSpan.FromHours(7));

        Assert.Equal("27-11-2026 14:05 WITA", WitaTime.Format(utc));
        Assert.Equal("27-11-2026 14:05 WITA", WitaTime.Format(jakarta));
    }

    [Fact]
    public void Format_RollsOverToTheNextDay_WhenUtcIsLateEvening()
    {
        Assert.Equal("01-01-2027 07:30 WITA", WitaTime.Format(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }
}
