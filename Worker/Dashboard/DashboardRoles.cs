using Worker.Configuration;

namespace Worker.Dashboard;

/// <summary>The two dashboard roles: operators may act, viewers only look.</summary>
public static class DashboardRoles
{
    public const string Operator = nameof(DashboardRole.Operator);
    public const string Viewer = nameof(DashboardRole.Viewer);
    /// <summary>The authentication scheme name of dashboard logins.</summary>
    public const string Scheme = "dashboard";
}
