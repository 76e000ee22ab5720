namespace Worker.Approval;

/// <summary>What a link token may do now.</summary>
public enum LinkStatus
{
    /// <summary>No such token: 404.</summary>
    Unknown,
    /// <summary>Replaced by a newer link: 410.</summary>
    Retired,
    /// <summary>Its time is up: 410.</summary>
    Expired,
    /// <summary>Already used for a decision: 410 with that decision.</summary>
    Decided,
    /// <summary>The document no longer waits for this approver: 410.</summary>
    Closed,
    /// <summary>Open for a decision.</summary>
    Active,
}
