namespace Worker.Configuration;

/// <summary>The values of <c>Worker:Dashboard:Users:N:Role</c>, bound case-insensitively: operators may act, viewers only look.</summary>
[System.ComponentModel.TypeConverter(typeof(EnumNameConverter<DashboardRole>))]
public enum DashboardRole
{
    Operator,
    Viewer,
}
