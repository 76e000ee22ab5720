using Worker.Dashboard.Login;

namespace Worker.Tests.Dashboard.Login;

/// <summary>The login sends people back only to a path of this site.</summary>
public sealed class LoginReturnUrlTests
{
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/hangfire\\..\\x")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    [InlineData("/\u202e/evil")]
    [InlineData("")]
    public void SafeReturnUrl_GivesTheDashboard_WhenTheUrlCouldLeaveTheSite(string url) =>
        Assert.Equal("/hangfire", LoginEndpoints.SafeReturnUrl(url));

    [Theory]
    [InlineData("/hangfire/documents")]
    [InlineData("/hangfire/jobs/details/12?x=1")]
    [InlineData("/")]
    public void SafeReturnUrl_KeepsAPathOfThisSite(string url) => Assert.Equal(url, LoginEndpoints.SafeReturnUrl(url));
}
