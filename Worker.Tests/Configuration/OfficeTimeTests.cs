using Worker.Configuration;

namespace Worker.Tests.Configuration;

public class OfficeTimeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 6, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Format_ShowsWita_WhenTheOfficeIsInMakassar()
    {
        Assert.Equal("27-11-2026 14:05 WITA", OfficeTime.Format(At, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")));
    }

    [Fact]
    public void Format_ShowsTheConfiguredZonesLabel_WhenTheOfficeIsNotInMakassar()
    {
        Assert.Equal("27-11-2026 13:05 WIB", OfficeTime.Format(At, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")));
        Assert.Equal("27-11-2026 06:05 UTC", OfficeTime.Format(At, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Label_FollowsDaylightSaving_WhenTheZoneHasIt()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        Assert.Equal("UTC+01:00", OfficeTime.Label(At, berlin));
        Assert.Equal("UTC+02:00", OfficeTime.Label(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero), berlin));
    }
}
