using System.Text.Json.Nodes;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Configuration;

/// <summary>A worker that could hand this machine's rights to the world, or has no key files, does not start.</summary>
public sealed class WebOptionsValidatorTests : IDisposable
{
    // No database is needed: validation happens before anything connects.
    private readonly TestConfig config = new("Host=127.0.0.1;Database=unused;Username=unused");

    public void Dispose() => config.Dispose();

    private async Task<(int Code, string Error)> RunAsync()
    {
        var err = new StringWriter();
        var code = await CommandLine.RunAsync(["run", "--config", config.Write()], new StringWriter(), err);
        return (code, err.ToString());
    }

    private static void AssertOneLine(string error, string expected)
    {
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.1:5080", "https://tte.example.go.id")]
    public async Task Run_ExitsWithUsage_WhenNoDashboardUsersAndNotLoopbackOnly(string urls, string publicBaseUrl)
    {
        config.Worker["Urls"] = urls;
        config.Worker["PublicBaseUrl"] = publicBaseUrl;
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Dashboard:Users: none configured");
    }

    [Fact]
    public async Task Run_ExitsWithUsage_WhenAKnownProxyIsNotAnAddress()
    {
        config.Worker["Web"]!["KnownProxies"] = new JsonArray("nginx.local");
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, "Worker:Web:KnownProxies:0: 'nginx.local' is not an IP address");
    }

    [Theory]
    [InlineData("Web", "KeyProtectionFile")]
    [InlineData("Audit", "HeadKeyFile")]
    public async Task Run_ExitsWithUsage_WhenAKeyFileIsMissingOrShort(string section, string key)
    {
        var path = config.Worker[section]![key]!.GetValue<string>();
        File.WriteAllBytes(path, new byte[8]);
        var (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:{section}:{key}: file {path} holds fewer than 32 bytes");
        File.Delete(path);
        (code, error) = await RunAsync();
        Assert.Equal(ExitCode.Usage, code);
        AssertOneLine(error, $"Worker:{section}:{key}: file {path} does not exist");
    }
}
