using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Signing;

/// <summary>"Sign this approved document for this approval step": what every kind of signer is given.</summary>
public sealed record SigningRequest
{
    /// <summary>The document, for the QR code's verification address.</summary>
    public required Guid DocumentId { get; init; }
    /// <summary>The approval step that signs (its signer profile, name and position).</summary>
    public required SigningStep Step { get; init; }
    /// <summary>How many signatures of this route came before this one (each stamp goes above the previous).</summary>
    public required int StampIndex { get; init; }
    /// <summary>Where the route puts the stamp.</summary>
    public required StampOptions Stamp { get; init; }
    /// <summary>The approved bytes (or the previous signer's output); only read.</summary>
    public required string InputPath { get; init; }
    /// <summary>Where the signed file goes; it exists only when every post-condition held.</summary>
    public required string OutputPath { get; init; }
    /// <summary>What the official typed at approval, for a signer that needs it; null otherwise.</summary>
    public PersonalSecret? Secret { get; init; }

    /// <summary>The reason written into the signature.</summary>
    public string Reason => $"Disetujui oleh {Step.Name} ({Step.JobTitle})";
}
