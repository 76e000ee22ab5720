using Worker.Web;

namespace Worker.Approval.Queue;

/// <summary>The queue page's sentences (Web/Resources/Pages*.resx, keys starting "Queue") in the approver's language; {0} marks a value.</summary>
public sealed class QueueTexts(PageTexts texts)
{
    public static readonly QueueTexts Id = new(PageTexts.Id);

    public static readonly QueueTexts En = new(PageTexts.En);

    /// <summary>The html lang attribute (id or en).</summary>
    public string Lang => texts.Lang;
    /// <summary>The single page's texts (labels, confirm box, reason, decision words, link states), shared so both pages say the same.</summary>
    public ApprovalTexts Page => ApprovalTexts.For(Lang);
    /// <summary>Heading of the queue page.</summary>
    public string Title => texts["QueueTitle"];
    /// <summary>How many documents wait ({0}).</summary>
    public string Count => texts["QueueCount"];
    /// <summary>When nothing waits.</summary>
    public string Empty => texts["QueueEmpty"];
    /// <summary>Label of a document's tick box ({0}: its title).</summary>
    public string Select => texts["QueueSelect"];
    /// <summary>The confirmation box of a batch approval.</summary>
    public string ConfirmSelected => texts["QueueConfirmSelected"];
    /// <summary>Refusal when the batch's confirmation box was not ticked.</summary>
    public string NeedSelectedConfirm => texts["QueueNeedSelectedConfirm"];
    /// <summary>The batch approve button.</summary>
    public string ApproveSelected => texts["QueueApproveSelected"];
    /// <summary>Opens a document's reject form.</summary>
    public string RejectThis => texts["QueueRejectThis"];
    /// <summary>Under the passphrase field: one secret for every ticked document signed with it.</summary>
    public string OneSecret => texts["QueueOneSecret"];
    /// <summary>Refusal when nothing was ticked.</summary>
    public string NoneSelected => texts["QueueNoneSelected"];
    /// <summary>Refusal when the form names a document that is not this approver's (tampering); nothing is decided.</summary>
    public string NotYours => texts["QueueNotYours"];
    /// <summary>Refusal when more documents are ticked than one post takes ({0}).</summary>
    public string TooMany => texts["QueueTooMany"];
    /// <summary>Heading of the result page.</summary>
    public string ResultTitle => texts["QueueResultTitle"];
    /// <summary>A document decided elsewhere before this post ({0}: decision word, {1}: time); left as it was.</summary>
    public string DecidedBefore => texts["QueueDecidedBefore"];
    /// <summary>A document that no longer waits for this approver; left as it was.</summary>
    public string NotOpen => texts["QueueNotOpen"];
    /// <summary>A document whose signing failed ({0}: why); it keeps waiting.</summary>
    public string NotSigned => texts["QueueNotSigned"];
    /// <summary>A document whose signer asks for a code per document: decided on its own page.</summary>
    public string OwnPage => texts["QueueOwnPage"];
    /// <summary>Link back to the queue.</summary>
    public string Back => texts["QueueBack"];
    /// <summary>Until when the queue link works ({0}).</summary>
    public string ValidUntil => texts["QueueValidUntil"];
    /// <summary>Alternative text of the first-page thumbnail ({0}: title).</summary>
    public string Thumbnail => texts["QueueThumbnail"];
    /// <summary>Opens a document's pages from the queue.</summary>
    public string Open => texts["QueueOpen"];

    public static QueueTexts For(string language) => language == "en" ? En : Id;
}
