using Worker.Pdf.Stamp;

namespace Worker.Tests.Pdf.Stamp;

public class StampTimeTests
{
    private static readonly TimeZoneInfo Makassar = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");

    private static string Format(DateTimeOffset at, TimeZoneInfo zone, string label) => StampTime.Format(new StampContent
    {
        SignerName = "Demo Signer", Position = "Kepala Dinas", SignedAt = at, TimeZone = zone, TimeZoneLabel = label, VerifyUrl = "x",
    });

    [Fact]
    public void Format_ShowsMakassarLocalTime_WhenGivenAnyOffset()
    {
        var utc = new DateTimeOffset(2026, 11, 27, 6, 5, 0, TimeSpan.Zero);
        var jakarta = utc.ToOffset(TimeSpan.FromHours(7));

        Assert.Equal("27-11-2026 14:05 WITA", Format(utc, Makassar, "WITA"));
        Assert.Equal("27-11-2026 14:05 WITA", Format(jakarta, Makassar, "WITA"));
    }

    [Fact]
    public void Format_RollsOverToTheNextDay_WhenUtcIsLateEvening()
    {
        Assert.Equal("01-01-2027 07:30 WITA", Format(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), Makassar, "WITA"));
    }

    [Fact]
    public void Format_UsesTheGivenZoneAndLabel_WhenTheOfficeIsNotInMakassar()
    {
        var jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

        Assert.Equal("27-11-2026 13:05 WIB", Format(new DateTimeOffset(2026, 11, 27, 6, 5, 0, TimeSpan.Zero), jakarta, "WIB"));
    }
}
