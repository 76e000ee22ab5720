using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Dashboard.Login;

/// <summary>Checks dashboard logins against the configured users, and slows down whoever keeps guessing.</summary>
public sealed partial class DashboardUsers(IOptions<WorkerOptions> options, TimeProvider clock, ILogger<DashboardUsers> logger)
{
    private const int MaxFailures = 5;
    private static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> failures = new();

    /// <summary>No users configured means the dashboard is for this machine only.</summary>
    public bool LoopbackOnly => options.Value.Dashboard.Users.Count == 0;

    /// <summary>Whether this address has failed too often lately.</summary>
    public bool IsLockedOut(IPAddress? address)
    {
        var key = address?.ToString() ?? "";
        return failures.TryGetValue(key, out var f) && f.Count >= MaxFailures && clock.GetUtcNow() - f.Since < FailureWindow;
    }

    /// <summary>The signed-in principal, or null; failures are counted and logged without the password.</summary>
    public ClaimsPrincipal? SignIn(string name, string password, IPAddress? address, string scheme)
    {
        var key = address?.ToString() ?? "";
        if (IsLockedOut(address))
        {
            LogLockedOut(name, key);
            return null;
        }
        var user = options.Value.Dashboard.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        // Verify against something even for an unknown name, so timing does not tell which names exist.
        var ok = PasswordHash.Verify(password, user?.PasswordHash ?? DummyHash) && user is not null;
        if (!ok)
        {
            failures.AddOrUpdate(key, _ => (1, clock.GetUtcNow()),
                (_, f) => clock.GetUtcNow() - f.Since < FailureWindow ? (f.Count + 1, f.Since) : (1, clock.GetUtcNow()));
            LogFailed(name, key);
            return null;
        }
        failures.TryRemove(key, out _);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user!.Name), new Claim(ClaimTypes.Role, user.Role)], scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    private static readonly string DummyHash = PasswordHash.Create(Guid.NewGuid().ToString());

    [LoggerMessage(LogLevel.Warning, "Dashboard login failed for {User} from {Address}")]
    private partial void LogFailed(string user, string address);

    [LoggerMessage(LogLevel.Warning, "Dashboard login refused for {User} from {Address}: too many failures, locked for a while")]
    private partial void LogLockedOut(string user, string address);
}
