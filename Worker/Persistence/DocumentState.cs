namespace Worker.Persistence;

/// <summary>The states of a document, as stored in worker.documents.state (DESIGN.md: one document's journey).</summary>
public static class DocumentState
{
    public const string Received = "Received";
    public const string AwaitingApproval = "AwaitingApproval";
    public const string Approved = "Approved";
    public const string Filed = "Filed";
    public const string Declined = "Declined";
    public const string Expired = "Expired";
    public const string Invalid = "Invalid";
    public const string Duplicate = "Duplicate";
    public const string Failed = "Failed";

    /// <summary>States a document never leaves.</summary>
    public static readonly IReadOnlySet<string> Final = new HashSet<string>(StringComparer.Ordinal)
        { Filed, Declined, Expired, Invalid, Duplicate, Failed };
}
