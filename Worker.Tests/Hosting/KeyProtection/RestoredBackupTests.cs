using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Configuration;
using Worker.Dashboard;
using Worker.Persistence;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting.KeyProtection;

/// <summary>
/// Whoever has a copy of the database (a restored backup) but not Worker:Web:KeyProtectionFile cannot use its
/// data-protection keys: the operator's cookie is refused and no stored key can be decrypted.
/// </summary>
public sealed class RestoredBackupTests : IAsyncLifetime
{
    private const string Password = "operator-secret-1";
    private readonly TestDatabase original = new();
    private readonly TestDatabase restored = new();
    private readonly string hash = PasswordHash.Create(Password);

    public async Task InitializeAsync()
    {
        await original.InitializeAsync();
        await restored.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await original.DisposeAsync();
        await restored.DisposeAsync();
    }

    private TestConfig Config(TestDatabase database, string? keyProtectionFile = null)
    {
        var config = new TestConfig(database.ConnectionString);
        config.Worker["Dashboard"] = new JsonObject
        {
            ["Users"] = new JsonArray(new JsonObject { ["Name"] = "operator", ["PasswordHash"] = hash, ["Role"] = "Operator" }),
        };
        if (keyProtectionFile is not null) config.Worker["Web"]!["KeyProtectionFile"] = keyProtectionFile;
        return config;
    }

    [Fact]
    public async Task RestoredDatabase_CannotMintOrAcceptACookie_WithoutTheKeyProtectionFile()
    {
        using var first = Config(original);
        var cookies = new CookieContainer();
        await using (var worker = await TestWorker.StartAsync(first))
        {
            using var browser = DashboardLogin.Browser(first.BaseUrl, cookies);
            Assert.Equal(HttpStatusCode.Redirect, (await DashboardLogin.PostAsync(browser, "operator", Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        }
        var rows = await KeyRowsAsync(original);
        Assert.NotEmpty(rows);
        // At rest only ciphertext: no master key in the clear.
        Assert.All(rows, r => Assert.DoesNotContain("masterKey", r.Xml));
        Assert.All(rows, r => Assert.Contains("secretFileEncrypted", r.Xml));

        await new DatabaseMigrator(restored.ConnectionString, NullLogger.Instance).MigrateAsync(CancellationToken.None);
        foreach (var (name, xml) in rows)
            await ExecuteAsync(restored, "INSERT INTO worker.data_protection_keys (name, xml) VALUES ($1, $2)", name, xml);

        using (var thief = Config(restored))
        await using (var worker = await TestWorker.StartAsync(thief))
        {
            using var browser = DashboardLogin.Browser(thief.BaseUrl, cookies);
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/hangfire")).StatusCode);
            var keys = worker.App.Services.GetRequiredService<IKeyManager>().GetAllKeys();
            var copied = keys.Where(k => rows.Any(r => r.Xml.Contains(k.KeyId.ToString(), StringComparison.OrdinalIgnoreCase))).ToList();
            Assert.Equal(rows.Count, copied.Count);
            Assert.All(copied, k => Assert.ThrowsAny<Exception>(() => k.Descriptor));
        }

        // The same copy with the right file accepts the cookie: the file, not the restart, made the difference.
        using var owner = Config(restored, first.KeyProtectionFile);
        await using (var worker = await TestWorker.StartAsync(owner))
        {
            using var browser = DashboardLogin.Browser(owner.BaseUrl, cookies);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire")).StatusCode);
        }
    }

    private static async Task<List<(string Name, string Xml)>> KeyRowsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name, xml FROM worker.data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var v in values) command.Parameters.AddWithValue(v);
        await command.ExecuteNonQueryAsync();
    }
}
