using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Worker.Tests.Support;

/// <summary>A complete, valid configuration in a temporary folder: route folders, a signer, a pickup folder; tests change one key to break it.</summary>
public sealed class TestConfig : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "worker-test-" + Guid.NewGuid().ToString("N")[..12]);
    public JsonObject Json { get; }
    public int Port { get; } = FreePort();
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public JsonObject Worker => Json["Worker"]!.AsObject();
    public JsonObject Route => Worker["Routes"]![0]!.AsObject();
    /// <summary>The random secret that encrypts this worker's data-protection keys.</summary>
    public string KeyProtectionFile { get; }
    /// <summary>The random secret whose HMAC guards the audit trail's recorded head.</summary>
    public string AuditHeadKeyFile { get; }

    public TestConfig(string connectionString)
    {
        string Dir(string relative)
        {
            var path = Path.Combine(Directory, relative);
            System.IO.Directory.CreateDirectory(path);
            return path;
        }
        var certs = Dir("certs");
        TestSigner.Create(certs);
        KeyProtectionFile = Path.Combine(Dir("secrets"), "keys.secret");
        File.WriteAllBytes(KeyProtectionFile, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        AuditHeadKeyFile = Path.Combine(Directory, "secrets", "audit-head.key");
        File.WriteAllBytes(AuditHeadKeyFile, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Json = new JsonObject
        {
            ["Worker"] = new JsonObject
            {
                ["Urls"] = BaseUrl,
                ["PublicBaseUrl"] = BaseUrl,
                ["DataDirectory"] = Dir("data"),
                ["LogDirectory"] = Dir("logs"),
                ["Database"] = new JsonObject { ["ConnectionString"] = connectionString },
                ["Web"] = new JsonObject { ["KeyProtectionFile"] = KeyProtectionFile },
                ["Audit"] = new JsonObject { ["HeadKeyFile"] = AuditHeadKeyFile },
                ["Mail"] = new JsonObject { ["From"] = "TTE Test <tte@example.go.id>", ["PickupDirectory"] = Dir("outbox") },
                ["Signers"] = new JsonObject
                {
                    ["demo"] = new JsonObject
                    {
                        ["Pkcs12"] = Path.Combine(certs, "signer.p12"),
                        ["PasswordFile"] = Path.Combine(certs, "signer.pass"),
                        ["Name"] = "Demo Signer",
                        ["Position"] = "Kepala Dinas",
                    },
                },
                ["Intake"] = new JsonObject { ["StableFor"] = "00:00:00.300", ["RescanEvery"] = "00:00:05" },
                ["Routes"] = new JsonArray(new JsonObject
                {
                    ["Name"] = "surat-keluar",
                    ["Inbox"] = Dir("routes/surat-keluar/inbox"),
                    ["Archive"] = Dir("routes/surat-keluar/signed") + "/{yyyy}/{MM}/{name}.pdf",
                    ["Declined"] = Dir("routes/surat-keluar/declined"),
                    ["Failed"] = Dir("routes/surat-keluar/failed"),
                    ["Contact"] = "tu@example.go.id",
                    ["Approvers"] = new JsonArray(new JsonObject
                    {
                        ["Email"] = "kadis@example.go.id", ["Name"] = "Demo Signer", ["Position"] = "Kepala Dinas", ["Signer"] = "demo",
                    }),
                }),
            },
        };
    }

    /// <summary>Writes the configuration and returns its path, for <c>--config</c>.</summary>
    public string Write()
    {
        var path = Path.Combine(Directory, "appsettings.test.json");
        File.WriteAllText(path, Json.ToJsonString());
        return path;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a test may still hold a file; the temp folder is cleaned by the OS */ }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
