namespace Worker.Configuration;

/// <summary>One dashboard login.</summary>
public sealed class DashboardUserOptions
{
    public string Name { get; set; } = "";
    /// <summary>Made by <c>Worker hash-password</c>.</summary>
    public string PasswordHash { get; set; } = "";
    /// <summary>Operator or Viewer.</summary>
    public DashboardRole Role { get; set; } = DashboardRole.Viewer;
}
