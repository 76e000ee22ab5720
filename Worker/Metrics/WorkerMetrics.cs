using Prometheus;

namespace Worker.Metrics;

/// <summary>
/// The series operators scrape at /metrics; the pipeline observes them where things happen.
/// One registry per host (not prometheus-net's static one), so each host reports only its own database.
/// </summary>
public sealed class WorkerMetrics
{
    private static readonly double[] SecondsBuckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 14400, 86400, 259200];

    public WorkerMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        Documents = factory.CreateGauge("worker_documents", "Documents by route and state.",
            new GaugeConfiguration { LabelNames = ["route", "state"] });
        IntakeToEmail = factory.CreateHistogram("worker_intake_to_email_seconds", "Time from intake to the first approval email sent.",
            new HistogramConfiguration { LabelNames = ["route"], Buckets = SecondsBuckets });
        ApprovalWait = factory.CreateHistogram("worker_approval_wait_seconds", "Time an approver took to decide.",
            new HistogramConfiguration { LabelNames = ["route", "decision"], Buckets = SecondsBuckets });
        SigningDuration = factory.CreateHistogram("worker_signing_duration_seconds", "Time to sign, verify and file one document.",
            new HistogramConfiguration { LabelNames = ["route"], Buckets = SecondsBuckets });
        EmailsSent = factory.CreateCounter("worker_emails_sent_total", "Emails sent.",
            new CounterConfiguration { LabelNames = ["route", "kind"] });
        EmailsFailed = factory.CreateCounter("worker_emails_failed_total", "Email send attempts that failed.",
            new CounterConfiguration { LabelNames = ["route", "kind"] });
        SignerReady = factory.CreateGauge("worker_signer_ready", "1 when the signer's last check found it able to sign, else 0.",
            new GaugeConfiguration { LabelNames = ["signer"] });
        SweepRecreated = factory.CreateCounter("worker_sweep_recreated_total",
            "Work the lifecycle sweep found without a live job and queued again.", new CounterConfiguration { LabelNames = ["kind"] });
    }

    public CollectorRegistry Registry { get; }

    /// <summary>Documents by route and state, read from the database at each scrape.</summary>
    public Gauge Documents { get; }

    /// <summary>From the file being recorded to the first approval email leaving.</summary>
    public Histogram IntakeToEmail { get; }

    /// <summary>From an approval email to the approver's decision.</summary>
    public Histogram ApprovalWait { get; }

    /// <summary>How long signing and filing one document took.</summary>
    public Histogram SigningDuration { get; }

    /// <summary>Emails handed to SMTP (or the pickup folder), by route and kind.</summary>
    public Counter EmailsSent { get; }

    /// <summary>Failed send attempts (each is retried).</summary>
    public Counter EmailsFailed { get; }

    /// <summary>Per signer: 1 when its last check (Worker:Signing:CheckEvery) found it able to sign, else 0.</summary>
    public Gauge SignerReady { get; }

    /// <summary>Lost work the lifecycle sweep re-created, by kind (Sign, FileDeclined, DeliverMail).</summary>
    public Counter SweepRecreated { get; }
}
