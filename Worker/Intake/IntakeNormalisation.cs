namespace Worker.Intake;

/// <summary>The outcome of <see cref="IntakeNormaliser.PrepareAsync"/>.</summary>
public sealed record IntakeNormalisation
{
    /// <summary>The file the approver will see and the signer will sign; null when the file is refused.</summary>
    public required string? ApprovedPath { get; init; }

    /// <summary>The audit trail's "normalised" detail (reason, both hashes); null when the file was taken as found.</summary>
    public string? AuditDetail { get; init; }

    /// <summary>Why the file is refused; null when it can go on.</summary>
    public IntakeProblem? Problem { get; init; }

    /// <summary>The original needs no rewrite.</summary>
    public static IntakeNormalisation AsFound(string path) => new() { ApprovedPath = path };
}
