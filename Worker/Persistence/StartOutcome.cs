namespace Worker.Persistence;

/// <summary>What starting the approval of a document found.</summary>
public enum StartOutcome
{
    /// <summary>Steps were created and the first emails queued.</summary>
    Started,
    /// <summary>A earlier run already did it; its unsent emails are returned again.</summary>
    AlreadyStarted,
    /// <summary>No such document.</summary>
    Missing,
    /// <summary>The document is in a state approval does not start from.</summary>
    NotReceived,
}
