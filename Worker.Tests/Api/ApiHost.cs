using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Api;

/// <summary>
/// The approval host with four API clients: e-office (surat-keluar, with a webhook to a loopback receiver), kepegawaian
/// (dua-pejabat only), pindah (a webhook address that redirects) and lambat (surat-keluar, three requests a minute).
/// Uploads are limited to 1 MiB.
/// </summary>
public class ApiHost : ApprovalHost, IAsyncLifetime
{
    public const long MaxFileBytes = 1024 * 1024;
    private const string Secret = "whsec-test-0123456789abcdef";

    public string EOfficeKey { get; } = NewKey();
    public string KepegawaianKey { get; } = NewKey();
    public string LambatKey { get; } = NewKey();
    /// <summary>Key of "pindah", whose webhook address redirects to the receiver.</summary>
    public string PindahKey { get; } = NewKey();
    public TestWebhookReceiver Receiver { get; } = new(Secret);

    protected override void Configure(TestConfig config)
    {
        var secretFile = Path.Combine(config.Directory, "eoffice-webhook.secret");
        File.WriteAllText(secretFile, Secret + "\n");
        config.Worker["Intake"]!["MaxFileBytes"] = MaxFileBytes;
        config.Worker["Api"] = new JsonObject
        {
            ["Clients"] = new JsonArray(
                new JsonObject
                {
                    ["Name"] = "e-office", ["KeySha256"] = ApiKeyCommand.Hash(EOfficeKey), ["Routes"] = new JsonArray("surat-keluar"),
                    ["WebhookUrl"] = Receiver.Url, ["WebhookSecretFile"] = secretFile,
                },
                new JsonObject
                {
                    ["Name"] = "kepegawaian", ["KeySha256"] = ApiKeyCommand.Hash(KepegawaianKey), ["Routes"] = new JsonArray("dua-pejabat"),
                },
                new JsonObject
                {
                    ["Name"] = "pindah", ["KeySha256"] = ApiKeyCommand.Hash(PindahKey), ["Routes"] = new JsonArray("surat-keluar"),
                    ["WebhookUrl"] = Receiver.MovedUrl, ["WebhookSecretFile"] = secretFile,
                },
                new JsonObject
                {
                    ["Name"] = "lambat", ["KeySha256"] = ApiKeyCommand.Hash(LambatKey), ["Routes"] = new JsonArray("surat-keluar"),
                    ["RequestsPerMinute"] = 3,
                }),
        };
        Receiver.StartAsync().GetAwaiter().GetResult();
    }

    public ApiCaller Caller(string key) => new(Config.BaseUrl, key);

    // Re-implemented so the receiver stops after the worker that posts to it.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Receiver.DisposeAsync();
    }

    private static string NewKey() => "tte_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
