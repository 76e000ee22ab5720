namespace Worker.Configuration;

/// <summary><c>Worker:Dashboard</c>: who may open the Hangfire dashboard; nobody listed means loopback only.</summary>
public sealed class DashboardOptions
{
    public List<DashboardUserOptions> Users { get; set; } = [];
}
