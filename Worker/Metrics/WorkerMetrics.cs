using Prometheus;

namespace Worker.Metrics;

/// <summary>The series operators scrape at /metrics; the pipeline observes them where things happen.</summary>
public static class WorkerMetrics
{
    private static readonly double[] SecondsBuckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 14400, 86400, 259200];

    /// <summary>Documents by route and state, read from the database at each scrape.</summary>
    public static readonly Gauge Documents = Prometheus.Metrics.CreateGauge(
        "worker_documents", "Documents by route and state.", new GaugeConfiguration { LabelNames = ["route", "state"] });

    /// <summary>From the file being recorded to the first approval email leaving.</summary>
    public static readonly Histogram IntakeToEmail = Prometheus.Metrics.CreateHistogram(
        "worker_intake_to_email_seconds", "Time from intake to the first approval email sent.",
        new HistogramConfiguration { LabelNames = ["route"], Buckets = SecondsBuckets });

    /// <summary>From an approval email to the approver's decision.</summary>
    public static readonly Histogram ApprovalWait = Prometheus.Metrics.CreateHistogram(
        "worker_approval_wait_seconds", "Time an approver took to decide.",
        new HistogramConfiguration { LabelNames = ["route", "decision"], Buckets = SecondsBuckets });

    /// <summary>How long signing and filing one document took.</summary>
    public static readonly Histogram SigningDuration = Prometheus.Metrics.CreateHistogram(
        "worker_signing_duration_seconds", "Time to sign, verify and file one document.",
        new HistogramConfiguration { LabelNames = ["route"], Buckets = SecondsBuckets });

    /// <summary>Emails handed to SMTP (or the pickup folder), by route and kind.</summary>
    public static readonly Counter EmailsSent = Prometheus.Metrics.CreateCounter(
        "worker_emails_sent_total", "Emails sent.", new CounterConfiguration { LabelNames = ["route", "kind"] });

    /// <summary>Failed send attempts (each is retried).</summary>
    public static readonly Counter EmailsFailed = Prometheus.Metrics.CreateCounter(
        "worker_emails_failed_total", "Email send attempts that failed.", new CounterConfiguration { LabelNames = ["route", "kind"] });
}
