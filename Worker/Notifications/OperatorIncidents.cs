using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Persistence;

namespace Worker.Notifications;

/// <summary>
/// The incident mechanism: a caller reports which conditions of a family hold now; operators (Mail:Operators) get one mail when
/// one starts and one when it ends, however often it is reported and however many workers report it.
/// </summary>
public sealed partial class OperatorIncidents(
    IncidentStore store, IMailSender mail, MailComposer composer, IOptions<MailOptions> mailOptions, IOptions<OfficeHoursOptions> officeHours,
    TimeProvider clock, ILogger<OperatorIncidents> logger)
{
    private const int Batch = 50;

    /// <summary>The conditions of family <paramref name="prefix"/> that hold now, by key (which starts with the prefix), with their summaries.</summary>
    public Task ReportAsync(string prefix, IReadOnlyDictionary<string, string> active, CancellationToken ct) =>
        store.SyncAsync(prefix, active, clock.GetUtcNow(), ct);

    /// <summary>Sends the opening and recovery mails nobody has sent; a failed send is given back for the next pass.</summary>
    public async Task MailAsync(CancellationToken ct)
    {
        var operators = mailOptions.Value.Operators;
        // Without operators nothing is taken, so nothing claims they were told.
        if (operators.Count == 0) return;
        var zone = officeHours.Value.Zone();
        foreach (var incident in await store.TakeUnmailedAsync(Batch, ct))
        {
            try
            {
                await using var batch = await mail.OpenBatchAsync(ct);
                foreach (var to in operators) await batch.SendAsync(composer.Compose(IncidentTemplate.Render(incident, zone), to), ct);
                LogMailed(incident.Key, incident.ResolvedAt is null ? "opened" : "recovered");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await store.GiveBackAsync(incident, CancellationToken.None);
                LogNotMailed(incident.Key, e.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Operators mailed: incident {Key} {What}")]
    private partial void LogMailed(string key, string what);

    [LoggerMessage(LogLevel.Warning, "Operators not mailed about incident {Key} yet, will retry: {Problem}")]
    private partial void LogNotMailed(string key, string problem);
}
