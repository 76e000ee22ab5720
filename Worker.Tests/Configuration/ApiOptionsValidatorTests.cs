using System.Text.Json.Nodes;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Configuration;

/// <summary>A wrong Worker:Api:Clients entry stops the worker at start with a line naming the key.</summary>
public sealed class ApiOptionsValidatorTests : IDisposable
{
    private readonly TestConfig config = new("Host=127.0.0.1;Database=unused;Username=unused");

    public void Dispose() => config.Dispose();

    private JsonObject Client(string name = "e-office", string? hash = null) => new()
    {
        ["Name"] = name, ["KeySha256"] = hash ?? ApiKeyCommand.Hash(Guid.NewGuid().ToString()), ["Routes"] = new JsonArray("surat-keluar"),
    };

    private async Task<(int Code, string Error)> RunAsync(params JsonObject[] clients)
    {
        config.Worker["Api"] = new JsonObject { ["Clients"] = new JsonArray(clients) };
        var err = new StringWriter();
        var code = await CommandLine.RunAsync(["run", "--config", config.Write()], new StringWriter(), err);
        return (code, err.ToString());
    }

    [Fact]
    public async Task Run_NamesTheKey_WhenTheHashIsNotHex()
    {
        var (code, error) = await RunAsync(Client(hash: "my-secret-key"));
        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("Worker:Api:Clients:0:KeySha256: must be the 64 hex digits that 'Worker api-key e-office' prints", error);
    }

    [Fact]
    public async Task Run_NamesTheKey_WhenARouteIsNotConfigured()
    {
        var client = Client();
        client["Routes"] = new JsonArray("surat-masuk");
        var (code, error) = await RunAsync(client);
        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("Worker:Api:Clients:0:Routes: 'surat-masuk' is not a route under Worker:Routes", error);
    }

    [Fact]
    public async Task Run_NamesTheKey_WhenTheWebhookSecretFileIsMissing()
    {
        var client = Client();
        client["WebhookUrl"] = "https://eoffice.example.go.id/hooks/tte";
        client["WebhookSecretFile"] = "/srv/nope/secret";
        var (code, error) = await RunAsync(client);
        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("Worker:Api:Clients:0:WebhookSecretFile: file /srv/nope/secret does not exist", error);
    }

    [Fact]
    public async Task Run_NamesTheClients_WhenTwoShareAKey()
    {
        var hash = ApiKeyCommand.Hash("tte_shared");
        var (code, error) = await RunAsync(Client("e-office", hash), Client("kepegawaian", hash));
        Assert.Equal(ExitCode.Usage, code);
        Assert.Contains("Worker:Api:Clients: clients 'e-office' and 'kepegawaian' share one key", error);
    }
}
