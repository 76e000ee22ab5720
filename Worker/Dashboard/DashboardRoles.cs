namespace Worker.Dashboard;

/// <summary>The two dashboard roles: operators may act, viewers only look.</summary>
public static class DashboardRoles
{
    public const string Operator = "Operator";
    public const string Viewer = "Viewer";
    /// <summary>The authentication scheme name of dashboard logins.</summary>
    public const string Scheme = "dashboard";
}
