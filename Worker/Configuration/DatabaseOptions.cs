namespace Worker.Configuration;

/// <summary><c>Worker:Database</c>: the PostgreSQL database shared by every worker.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Npgsql connection string; keep the password out of it and use <see cref="PasswordFile"/>.</summary>
    public string ConnectionString { get; set; } = "Host=127.0.0.1;Port=5432;Database=worker;Username=worker";
    /// <summary>File holding the database password (first line), if the connection string has none.</summary>
    public string PasswordFile { get; set; } = "";
    /// <summary>
    /// Connection string of the role that owns the worker's schema and runs the migrations; empty means the runtime role
    /// migrates (and then owns the audit table, so it could alter it). With it, the runtime role may only add to the audit trail.
    /// </summary>
    public string MigrationConnectionString { get; set; } = "";
    /// <summary>File holding the migration role's password (first line), if its connection string has none.</summary>
    public string MigrationPasswordFile { get; set; } = "";
    /// <summary>How long a starting worker waits for PostgreSQL before it gives up.</summary>
    public TimeSpan StartupWait { get; set; } = TimeSpan.FromSeconds(30);
}
