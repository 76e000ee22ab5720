using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Dashboard.Login;

/// <summary>Checks dashboard logins against the configured users, and slows down whoever keeps guessing.</summary>
public sealed partial class DashboardUsers(IOptions<DashboardOptions> options, string publicBaseUrl, TimeProvider clock, ILogger<DashboardUsers> logger)
{
    /// <summary>Failures one client may make before it is locked out for a while.</summary>
    public const int MaxFailuresPerClient = 5;
    /// <summary>Failures against one account, from any number of clients, before the account is locked out for a while.</summary>
    public const int MaxFailuresPerAccount = 10;
    private readonly LoginFailures failures = new(clock, TimeSpan.FromMinutes(10));

    /// <summary>No users configured means the dashboard is for this machine only.</summary>
    public bool LoopbackOnly => options.Value.Users.Count == 0;

    /// <summary>Whether a request from this address has this machine's rights (see <see cref="LoopbackAddress.IsTrustedLocal"/>).</summary>
    public bool IsTrustedLocal(IPAddress? address) => LoopbackAddress.IsTrustedLocal(address, publicBaseUrl);

    /// <summary>Whether this client, or the account it tries, has failed too often lately.</summary>
    public bool IsLockedOut(IPAddress? address, string name) =>
        failures.Count(ClientKey(address)) >= MaxFailuresPerClient || failures.Count(AccountKey(name)) >= MaxFailuresPerAccount;

    /// <summary>The signed-in principal, or null; failures are counted and logged without the password.</summary>
    public ClaimsPrincipal? SignIn(string name, string password, IPAddress? address, string scheme)
    {
        var client = address?.ToString() ?? "";
        if (IsLockedOut(address, name))
        {
            LogLockedOut(name, client);
            return null;
        }
        var user = Find(name);
        // Verify against something even for an unknown name, so timing does not tell which names exist.
        var ok = PasswordHash.Verify(password, user?.PasswordHash ?? DummyHash) && user is not null;
        if (!ok)
        {
            failures.Add(ClientKey(address));
            // Only real accounts are counted, so made-up names cannot fill the table.
            if (user is not null) failures.Add(AccountKey(name));
            LogFailed(name, client);
            return null;
        }
        failures.Clear(ClientKey(address));
        return DashboardSession.Principal(user!, clock.GetUtcNow(), scheme);
    }

    /// <summary>The configured user of that name, as configured now.</summary>
    public DashboardUserOptions? Find(string name) =>
        options.Value.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));

    private static string ClientKey(IPAddress? address) => "client:" + address;
    private static string AccountKey(string name) => "account:" + name;

    private static readonly string DummyHash = PasswordHash.Create(Guid.NewGuid().ToString());

    [LoggerMessage(LogLevel.Warning, "Dashboard login failed for {User} from {Address}")]
    private partial void LogFailed(string user, string address);

    [LoggerMessage(LogLevel.Warning, "Dashboard login refused for {User} from {Address}: too many failures, locked for a while")]
    private partial void LogLockedOut(string user, string address);
}
