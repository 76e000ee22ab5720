namespace Worker.Configuration;

/// <summary>The <c>Worker</c> configuration section; DESIGN.md lists every key.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Where Kestrel listens.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";
    /// <summary>The address people reach the worker at; links in emails and QR codes start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
    /// <summary>Content store, outbox and other state of this worker.</summary>
    public string DataDirectory { get; set; } = "data";
    /// <summary>Folder of the daily rolling log files.</summary>
    public string LogDirectory { get; set; } = "logs";
    /// <summary>How many daily log files are kept.</summary>
    public int LogRetainedDays { get; set; } = 31;
    /// <summary>Location written into signatures.</summary>
    public string Location { get; set; } = "Mamuju, Sulawesi Barat";
    public DatabaseOptions Database { get; set; } = new();
    public MailOptions Mail { get; set; } = new();
    public Dictionary<string, SignerOptions> Signers { get; set; } = new(StringComparer.Ordinal);
    public TimestampOptions Timestamp { get; set; } = new();
    public SigningOptions Signing { get; set; } = new();
    public IntakeOptions Intake { get; set; } = new();
    public OfficeHoursOptions OfficeHours { get; set; } = new();
    public DashboardOptions Dashboard { get; set; } = new();
    public WebOptions Web { get; set; } = new();
    public AuditOptions Audit { get; set; } = new();
    public ApprovalOptions Approval { get; set; } = new();
    public ApiOptions Api { get; set; } = new();
    public VerificationOptions Verification { get; set; } = new();
    public IncidentOptions Incidents { get; set; } = new();
    public List<RouteOptions> Routes { get; set; } = [];
    /// <summary>Officials' deputies by date; merged with the delegations operators set (DelegationBook says how).</summary>
    public List<DelegationOptions> Delegations { get; set; } = [];
}
