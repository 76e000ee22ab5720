using Worker.Web;

namespace Worker.Approval;

/// <summary>Every sentence of the approval pages, read from Web/Resources/Pages*.resx in the approver's language; {0} marks a value.</summary>
public sealed class ApprovalTexts(PageTexts texts)
{
    /// <summary>The html lang attribute.</summary>
    public string Lang => texts.Lang;

    /// <summary>Heading of the decision page.</summary>
    public string PageTitle => texts[nameof(PageTitle)];
    /// <summary>Greeting with the approver's name ({0}).</summary>
    public string Greeting => texts[nameof(Greeting)];
    /// <summary>One line on what is asked.</summary>
    public string Intro => texts[nameof(Intro)];
    /// <summary>A deputy's line: the position they sign as ({0}) and the official they sign for ({1}).</summary>
    public string OnBehalf => texts[nameof(OnBehalf)];
    /// <summary>Label of the title.</summary>
    public string LabelTitle => texts[nameof(LabelTitle)];
    /// <summary>Label of the letter number.</summary>
    public string LabelNumber => texts[nameof(LabelNumber)];
    /// <summary>Label of the sender.</summary>
    public string LabelSender => texts[nameof(LabelSender)];
    /// <summary>Label of the page count.</summary>
    public string LabelPages => texts[nameof(LabelPages)];
    /// <summary>Label of the size.</summary>
    public string LabelSize => texts[nameof(LabelSize)];
    /// <summary>Label of the time received.</summary>
    public string LabelReceived => texts[nameof(LabelReceived)];
    /// <summary>Label of the file name.</summary>
    public string LabelFile => texts[nameof(LabelFile)];
    /// <summary>Heading of the clerk's note.</summary>
    public string NoteHeading => texts[nameof(NoteHeading)];
    /// <summary>Link text to the PDF (secondary to the pages shown).</summary>
    public string ViewPdf => texts[nameof(ViewPdf)];
    /// <summary>Until when the link works ({0}).</summary>
    public string ValidUntil => texts[nameof(ValidUntil)];
    /// <summary>Heading of the page images.</summary>
    public string PagesHeading => texts[nameof(PagesHeading)];
    /// <summary>Alternative text of a page image ({0}: page, {1}: pages).</summary>
    public string PageAlt => texts[nameof(PageAlt)];
    /// <summary>Pages past the preview cap ({0}-{1}) are only in the PDF.</summary>
    public string PagesMore => texts[nameof(PagesMore)];
    /// <summary>The page images could not be made.</summary>
    public string PreviewFailed => texts[nameof(PreviewFailed)];
    /// <summary>The confirmation checkbox.</summary>
    public string Confirm => texts[nameof(Confirm)];
    /// <summary>Label of the reason field.</summary>
    public string ReasonLabel => texts[nameof(ReasonLabel)];
    /// <summary>The approve button.</summary>
    public string Approve => texts[nameof(Approve)];
    /// <summary>The reject button.</summary>
    public string Reject => texts[nameof(Reject)];
    /// <summary>Refusal when the box was not ticked.</summary>
    public string NeedConfirm => texts[nameof(NeedConfirm)];
    /// <summary>Refusal when a rejection has no reason.</summary>
    public string NeedReason => texts[nameof(NeedReason)];
    /// <summary>Refusal when the reason is too long ({0}: the limit).</summary>
    public string ReasonTooLong => texts[nameof(ReasonTooLong)];
    /// <summary>Refusal when the antiforgery check failed.</summary>
    public string BadForm => texts[nameof(BadForm)];
    /// <summary>Heading after a decision.</summary>
    public string DoneTitle => texts[nameof(DoneTitle)];
    /// <summary>After approving.</summary>
    public string ApprovedDone => texts[nameof(ApprovedDone)];
    /// <summary>After rejecting.</summary>
    public string RejectedDone => texts[nameof(RejectedDone)];
    /// <summary>A used link ({0}: decision word, {1}: time).</summary>
    public string EarlierDecision => texts[nameof(EarlierDecision)];
    /// <summary>The word for an approval.</summary>
    public string ApprovedWord => texts[nameof(ApprovedWord)];
    /// <summary>The word for a rejection.</summary>
    public string RejectedWord => texts[nameof(RejectedWord)];
    /// <summary>Heading of every "link not valid" page.</summary>
    public string GoneTitle => texts[nameof(GoneTitle)];
    /// <summary>An unknown link.</summary>
    public string Unknown => texts[nameof(Unknown)];
    /// <summary>An expired link.</summary>
    public string Expired => texts[nameof(Expired)];
    /// <summary>A link replaced by a newer one.</summary>
    public string Retired => texts[nameof(Retired)];
    /// <summary>A link whose document no longer waits for this approver.</summary>
    public string Closed => texts[nameof(Closed)];

    public static readonly ApprovalTexts Id = new(PageTexts.Id);

    public static readonly ApprovalTexts En = new(PageTexts.En);

    public static ApprovalTexts For(string language) => language == "en" ? En : Id;
}
