using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Worker.Cli;
using Worker.Tests.Intake;

namespace Worker.Tests.Pdf.Hostile;

/// <summary>A running worker (intake, /verify, the API with one client on surat-keluar) that hostile files are thrown at.</summary>
public sealed class HostileUploadHost : IntakeHost
{
    public string ApiKey { get; } = "tte_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    protected override void Configure(JsonObject worker) =>
        worker["Api"] = new JsonObject
        {
            ["Clients"] = new JsonArray(new JsonObject
            {
                ["Name"] = "e-office", ["KeySha256"] = ApiKeyCommand.Hash(ApiKey), ["Routes"] = new JsonArray("surat-keluar"),
            }),
        };
}
