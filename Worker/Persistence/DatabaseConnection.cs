using Npgsql;
using Worker.Configuration;

namespace Worker.Persistence;

/// <summary>Turns the configured connection string and password file into a usable connection string.</summary>
public static class DatabaseConnection
{
    public static string ConnectionString(DatabaseOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (string.IsNullOrEmpty(builder.Password) && options.PasswordFile.Length > 0)
            builder.Password = File.ReadLines(options.PasswordFile).FirstOrDefault()?.Trim() ?? "";
        // Identifies the worker in pg_stat_activity, which helps an operator at 2 a.m.
        builder.ApplicationName ??= "signing-worker";
        return builder.ConnectionString;
    }

    /// <summary>The connection string for messages and logs: the password replaced.</summary>
    public static string Redacted(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password)) builder.Password = "***";
        return builder.ConnectionString;
    }
}
