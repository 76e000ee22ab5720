namespace Worker.Configuration;

/// <summary>The values of <c>Worker:Routes:N:Mode</c>, bound case-insensitively.</summary>
[System.ComponentModel.TypeConverter(typeof(EnumNameConverter<RouteMode>))]
public enum RouteMode
{
    /// <summary>One approver after another, in the listed order.</summary>
    Sequential,
    /// <summary>Every approver at once.</summary>
    All,
}
