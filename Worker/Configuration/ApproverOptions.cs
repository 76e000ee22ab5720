namespace Worker.Configuration;

/// <summary>One approver of a route, in order.</summary>
public sealed class ApproverOptions
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string Position { get; set; } = "";
    /// <summary>id (Indonesian, default) or en.</summary>
    public string Language { get; set; } = "id";
    /// <summary>Name of an entry under <c>Worker:Signers</c>.</summary>
    public string Signer { get; set; } = "";
}
