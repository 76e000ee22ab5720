using System.Net;
using Hangfire.Dashboard;

namespace Worker.Dashboard;

/// <summary>Until dashboard logins are configured, only this machine may open the dashboard.</summary>
public sealed class LoopbackOnlyAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => IsLoopback(context.GetHttpContext().Connection.RemoteIpAddress);

    public static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
