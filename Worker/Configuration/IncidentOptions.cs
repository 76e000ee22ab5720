namespace Worker.Configuration;

/// <summary><c>Worker:Incidents</c>: when operators (Mail:Operators) are mailed about trouble, once per incident and once on recovery.</summary>
public sealed class IncidentOptions
{
    /// <summary>How often every worker looks for trouble (failed or stuck documents, failing mail, missing route folders).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>A Received or Approved document unchanged this long is stuck.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromHours(1);
    /// <summary>An email still unsent after this many attempts means delivery keeps failing.</summary>
    public int MailAttempts { get; set; } = 3;
    /// <summary>How often the audit chain is walked from the start (it grows with every event).</summary>
    public TimeSpan AuditEvery { get; set; } = TimeSpan.FromHours(1);
}
