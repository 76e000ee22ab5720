using Hangfire.Dashboard;
using Worker.Dashboard.Login;

namespace Worker.Dashboard;

/// <summary>Who may see the dashboard: signed-in users, or only this machine while no users are configured.</summary>
public sealed class DashboardAuthorization(DashboardUsers users) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (users.LoopbackOnly) return users.IsTrustedLocal(http.Connection.RemoteIpAddress);
        return http.User.IsInRole(DashboardRoles.Operator) || http.User.IsInRole(DashboardRoles.Viewer);
    }

    /// <summary>Viewers see everything and change nothing; on loopback-only installs this machine is the operator.</summary>
    public bool IsReadOnly(DashboardContext context) =>
        !users.LoopbackOnly && !context.GetHttpContext().User.IsInRole(DashboardRoles.Operator);
}
