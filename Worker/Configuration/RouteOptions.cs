namespace Worker.Configuration;

/// <summary><c>Worker:Routes:N</c>: one watched inbox and what happens to its documents.</summary>
public sealed class RouteOptions
{
    /// <summary>How route names compare everywhere (lookup, uniqueness, API permissions): a clerk's "Umum" is the route "umum".</summary>
    public static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    public string Name { get; set; } = "";
    public string Inbox { get; set; } = "";
    /// <summary>Path template of the signed file: {yyyy} {MM} {dd} {name} {id}.</summary>
    public string Archive { get; set; } = "";
    public string Declined { get; set; } = "";
    public string Failed { get; set; } = "";
    /// <summary>Who is notified when the submitter is unknown.</summary>
    public string Contact { get; set; } = "";
    /// <summary>The office unit sending this route's letters, shown as sender when the document names nobody.</summary>
    public string Unit { get; set; } = "";
    public List<ApproverOptions> Approvers { get; set; } = [];
    /// <summary>Sequential (one after another) or All (everyone at once).</summary>
    public RouteMode Mode { get; set; } = RouteMode.Sequential;
    /// <summary>Every approver signs in turn, instead of the last one only.</summary>
    public bool SignEach { get; set; }
    public TimeSpan ApprovalExpiry { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan RemindAfter { get; set; } = TimeSpan.FromDays(1);
    public int MaxReminders { get; set; } = 2;
    public StampOptions Stamp { get; set; } = new();

    /// <summary>Long-term validation at filing; unset means LTA when Worker:Timestamp:Url is set, else LT.</summary>
    public LtvSetting? Ltv { get; set; }
    /// <summary>Inbox subfolders per unit, whose notices go to the unit.</summary>
    public List<UnitOptions> Units { get; set; } = [];
    /// <summary>People by the uid that owns the files they drop, whose notices go to them.</summary>
    public List<SubmitterOptions> Submitters { get; set; } = [];
    /// <summary>File name patterns taken from the inbox (default *.pdf).</summary>
    public List<string> Include { get; set; } = [];
    /// <summary>File name patterns left alone.</summary>
    public List<string> Exclude { get; set; } = [];
}
