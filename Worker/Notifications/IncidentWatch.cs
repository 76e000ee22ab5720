using Microsoft.Extensions.Options;
using Npgsql;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Notifications;

/// <summary>
/// Looks for trouble every Incidents:CheckEvery and reports it as incidents: failed documents, documents stuck on the worker,
/// email that keeps failing, route folders that disappeared, a broken audit chain. Every worker looks; the store mails once.
/// </summary>
public sealed partial class IncidentWatch(
    OperatorIncidents incidents, IncidentQueries queries, AuditLog audit, RouteBook routes, IOptions<IncidentOptions> incidentOptions,
    IOptions<OfficeHoursOptions> officeHours, TimeProvider clock, ILogger<IncidentWatch> logger) : BackgroundService
{
    public const string DocumentFailed = "document-failed:";
    public const string DocumentStuck = "document-stuck:";
    public const string MailDelivery = "mail-delivery";
    public const string RouteFolder = "route-folder:";
    public const string AuditChain = "audit-chain";

    private DateTimeOffset lastAuditWalk = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(incidentOptions.Value.CheckEvery, clock);
        try
        {
            do
            {
                try
                {
                    await CheckAsync(stopping);
                    await incidents.MailAsync(stopping);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException && !stopping.IsCancellationRequested)
                {
                    // The database health check and its own logs say more; the next pass looks again.
                    LogCheckFailed(e.Message);
                }
            } while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (Exception e) when (stopping.IsCancellationRequested && e is OperationCanceledException or NpgsqlException or ObjectDisposedException)
        {
            // Stopping (or a start that failed, such as a taken port): a check cut short is no incident.
        }
    }

    /// <summary>One look at every condition.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var o = incidentOptions.Value;
        var now = clock.GetUtcNow();
        await incidents.ReportAsync(DocumentFailed, (await queries.FailedAsync(ct)).ToDictionary(
            d => DocumentFailed + d.Id,
            d => $"Dokumen gagal ditandatangani / Document failed: {d.Title}\nRute / route {d.Route}, berkas / file {d.SourceName}\n" +
                 $"Kesalahan / error: {d.Error}\nUlangi / retry: Worker documents retry {d.Id} (or Retry on the dashboard)"), ct);
        await incidents.ReportAsync(DocumentStuck, (await queries.StuckAsync(o.StuckAfter, now, ct)).ToDictionary(
            d => DocumentStuck + d.Id,
            d => $"Dokumen macet / Document stuck in {d.State} since {LocalTime.Format(d.UpdatedAt, officeHours.Value.Zone(), "en")}: {d.Title}\n" +
                 $"Rute / route {d.Route}, berkas / file {d.SourceName}\nUlangi / retry: Worker documents retry {d.Id}"), ct);
        var (failing, error) = await queries.FailingMailAsync(o.MailAttempts, ct);
        await incidents.ReportAsync(MailDelivery, failing == 0 ? new Dictionary<string, string>() : new Dictionary<string, string>
        {
            [MailDelivery] = $"Email tidak terkirim / Email delivery keeps failing: {failing} email(s) after {o.MailAttempts}+ attempts\n" +
                             $"Kesalahan terakhir / last error: {error}\nPeriksa / check Worker:Mail:Smtp and the mail server",
        }, ct);
        await incidents.ReportAsync(RouteFolder, MissingFolders(routes), ct);
        if (now - lastAuditWalk >= o.AuditEvery)
        {
            var check = await audit.VerifyAsync(ct);
            lastAuditWalk = now;
            await incidents.ReportAsync(AuditChain, check.FirstBreak is { } broken ? new Dictionary<string, string>
            {
                [AuditChain] = $"Jejak audit rusak / Audit chain broken at event {broken.Seq}: {broken.Reason}\nRun: Worker audit verify",
            } : new Dictionary<string, string>(), ct);
        }
    }

    // A share that went away (unmounted, renamed, permissions): intake and filing stop for that route until it is back.
    private static Dictionary<string, string> MissingFolders(RouteBook routes)
    {
        var missing = new Dictionary<string, string>();
        foreach (var route in routes.All)
            foreach (var (name, folder) in new[] { ("Inbox", route.Inbox), ("Failed", route.Failed), ("Declined", route.Declined) })
                if (!Directory.Exists(folder))
                    missing[$"{RouteFolder}{route.Name}:{name}"] =
                        $"Folder rute hilang / Route folder missing: {route.Name} {name} {Path.GetFullPath(folder)}\nDokumen rute ini tertahan sampai folder kembali. / This route's documents wait until it is back.";
        return missing;
    }

    [LoggerMessage(LogLevel.Warning, "Incident check failed, will look again: {Problem}")]
    private partial void LogCheckFailed(string problem);
}
