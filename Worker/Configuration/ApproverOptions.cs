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
    /// <summary>The civil servant number (NIP) printed on the stamp as "NIP. …"; empty leaves the line out.</summary>
    public string Nip { get; set; } = "";
    /// <summary>Pangkat/golongan printed under the name, e.g. "Pembina Utama Muda (IV/c)"; empty leaves the line out.</summary>
    public string Rank { get; set; } = "";
}
