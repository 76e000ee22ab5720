namespace Worker.Persistence;

/// <summary>The outcome of walking the audit chain.</summary>
/// <param name="EventsChecked">Events that held before the first break (all of them when intact).</param>
/// <param name="FirstBreak">The first event that does not hold, or null when the chain is intact.</param>
public sealed record AuditCheck(long EventsChecked, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
    /// <summary>Whether a head recorded outside the database was found in the chain (so no tail was cut after it).</summary>
    public bool HeadChecked { get; init; }
}
