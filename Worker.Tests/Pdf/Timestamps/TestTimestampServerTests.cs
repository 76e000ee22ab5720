using Worker.Tests.Pdf.Support;

namespace Worker.Tests.Pdf.Timestamps;

public sealed class TestTimestampServerTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("tsa-server-tests-").FullName;
    private TestTimestampServer _server = null!;

    public async Task InitializeAsync() => _server = await TestTimestampServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Respond_AnswersAnOpenSslQueryWithAResponseOpenSslVerifies_WhenModeIsNormal()
    {
        var data = Path.Combine(_directory, "data.bin");
        var query = Path.Combine(_directory, "query.tsq");
        var reply = Path.Combine(_directory, "reply.tsr");
        var ca = Path.Combine(_directory, "ca.pem");
        await File.WriteAllTextAsync(data, "signature value stand-in");
        _server.Certificates.WriteCaPem(ca);
        ExternalTool.RunOk("openssl", "ts", "-query", "-data", data, "-sha256", "-cert", "-out", query);

        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(query));
        content.Headers.ContentType = new("application/timestamp-query");
        using var response = await _http.PostAsync(_server.Url, content);
        response.EnsureSuccessStatusCode();
        await File.WriteAllBytesAsync(reply, await response.Content.ReadAsByteArrayAsync());

        var text = ExternalTool.RunOk("openssl", "ts", "-reply", "-in", reply, "-text");
        Assert.Contains("Status: Granted.", text);
        Assert.Contains("Nonce: 0x", text);
        Assert.Equal("application/timestamp-reply", response.Content.Headers.ContentType?.MediaType);
        var verified = ExternalTool.RunOk("openssl", "ts", "-verify", "-queryfile", query, "-in", reply, "-CAfile", ca);
        Assert.Contains("Verification: OK", verified);
    }

    [Fact]
    public async Task StartAsync_ListensOnLoopbackWithARandomPort_WhenTwoServersRun()
    {
        await using var other = await TestTimestampServer.StartAsync();

        Assert.Equal("127.0.0.1", _server.Url.Host);
        Assert.NotEqual(_server.Url.Port, other.Url.Port);
    }
}
