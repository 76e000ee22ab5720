namespace Worker.Configuration;

/// <summary>Who signs while an official is away, with their own signer profile.</summary>
public sealed class DeputyOptions
{
    /// <summary>Where the deputy's approval links go.</summary>
    public string Email { get; set; } = "";
    /// <summary>The deputy's name, as the stamp shows it.</summary>
    public string Name { get; set; } = "";
    /// <summary>The deputy's own position (jabatan), written after the official's for "a.n.".</summary>
    public string Position { get; set; } = "";
    /// <summary>Name of an entry under <c>Worker:Signers</c>: the deputy's own key or service account.</summary>
    public string Signer { get; set; } = "";
    /// <summary>The deputy's NIP, optional.</summary>
    public string Nip { get; set; } = "";
    /// <summary>The deputy's pangkat/golongan, optional.</summary>
    public string Rank { get; set; } = "";
}
