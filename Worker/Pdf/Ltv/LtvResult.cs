namespace Worker.Pdf.Ltv;

/// <summary>What an LTV augmentation reached.</summary>
public sealed record LtvResult
{
    /// <summary>The level the output has: lower than asked when revocation data or the TSA could not be had.</summary>
    public required LtvLevel Reached { get; init; }

    /// <summary>Why a higher level was not reached, one phrase each.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
