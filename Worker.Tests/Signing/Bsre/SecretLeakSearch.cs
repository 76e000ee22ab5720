using System.Diagnostics;
using System.Text;
using Npgsql;
using Worker.Tests.Support;

namespace Worker.Tests.Signing.Bsre;

/// <summary>Looks for a secret everywhere a worker writes: a pg_dump of its database (Hangfire's tables included), its logs and its data folder.</summary>
public static class SecretLeakSearch
{
    /// <summary>Every place that holds <paramref name="secret"/>; empty when none does.</summary>
    public static async Task<List<string>> FindAsync(TestDatabase database, TestConfig config, string secret)
    {
        var hits = new List<string>();
        var dump = await DumpAsync(database.ConnectionString);
        Assert.Contains("CREATE TABLE hangfire.job", dump);
        Assert.Contains("COPY worker.audit_events", dump);
        if (dump.Contains(secret, StringComparison.Ordinal)) hits.Add("pg_dump");
        var needle = Encoding.UTF8.GetBytes(secret);
        foreach (var file in Directory.EnumerateFiles(config.Directory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try { bytes = await File.ReadAllBytesAsync(file); }
            catch (IOException) { continue; }
            if (bytes.AsSpan().IndexOf(needle) >= 0) hits.Add(file);
        }
        return hits;
    }

    private static async Task<string> DumpAsync(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("pg_dump") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-h", c.Host!, "-p", c.Port.ToString(), "-U", c.Username!, "--no-owner", c.Database! }) info.ArgumentList.Add(a);
        info.Environment["PGPASSWORD"] = c.Password;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "pg_dump failed: " + await stderr);
        return await stdout;
    }
}
