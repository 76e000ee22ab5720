using Worker.Configuration;

namespace Worker.Tests.Configuration;

public class VerifyLinkTests
{
    private static readonly Guid Id = Guid.Parse("3f2a9c4e-1b7d-4e8a-9f00-5c6d7e8f9a0b");

    [Theory]
    [InlineData("https://tte.example.test")]
    [InlineData("https://tte.example.test/")]
    public void For_JoinsBaseAndId_WithOneSlash(string publicBaseUrl)
    {
        Assert.Equal("https://tte.example.test/verify/3f2a9c4e-1b7d-4e8a-9f00-5c6d7e8f9a0b", VerifyLink.For(publicBaseUrl, Id));
    }

    [Fact]
    public void For_KeepsThePathPrefix_WhenTheWorkerSitsBelowOne()
    {
        Assert.Equal("https://portal.example.test/tte/verify/3f2a9c4e-1b7d-4e8a-9f00-5c6d7e8f9a0b", VerifyLink.For("https://portal.example.test/tte/", Id));
    }
}
