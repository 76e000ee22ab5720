namespace Worker.Configuration;

/// <summary><c>Worker:Routes:N:Units:M</c>: a subfolder of the route's inbox that belongs to one unit (bidang), told about what it drops.</summary>
public sealed class UnitOptions
{
    /// <summary>The subfolder's name inside the inbox (inbox/bidang-umum/); a real folder of the worker's user, never a link.</summary>
    public string Folder { get; set; } = "";
    /// <summary>The unit's address for the notices (filed, declined, refused, expired) of files dropped in its folder.</summary>
    public string Email { get; set; } = "";
}
