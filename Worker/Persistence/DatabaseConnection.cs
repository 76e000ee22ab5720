using Npgsql;
using Worker.Configuration;

namespace Worker.Persistence;

/// <summary>Turns the configured connection string and password file into a usable connection string.</summary>
public static class DatabaseConnection
{
    public static string ConnectionString(DatabaseOptions options) => Build(options.ConnectionString, options.PasswordFile);

    /// <summary>The owner role's connection for migrations, or the runtime one when no separate owner is configured.</summary>
    public static string MigrationConnectionString(DatabaseOptions options) =>
        options.MigrationConnectionString.Length > 0
            ? Build(options.MigrationConnectionString, options.MigrationPasswordFile)
            : ConnectionString(options);

    private static string Build(string connectionString, string passwordFile)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Password) && passwordFile.Length > 0)
            builder.Password = File.ReadLines(passwordFile).FirstOrDefault()?.Trim() ?? "";
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
