using System.Net.Http.Headers;
using Hangfire;
using Worker.Persistence;

namespace Worker.Api;

/// <summary>
/// POSTs one event to its client's webhook. Safe to run twice: a delivered event is not sent again, and a repeat that slips
/// through (the receiver answered but the mark was lost) carries the same eventId. A failure throws, so Hangfire retries it
/// with growing delays and the document's later events (continuations of this job) wait their turn.
/// </summary>
public sealed partial class WebhookDeliveryJob(
    WebhookEventStore events, ApiClients clients, IHttpClientFactory http, TimeProvider clock, ILogger<WebhookDeliveryJob> logger)
{
    /// <summary>The named HttpClient webhooks go through.</summary>
    public const string HttpClientName = "webhooks";

    // 1 s, 2 s, 5 s, 15 s, 1 min, 5 min, 15 min, 30 min, then hourly: about a day before it fails for an operator to requeue.
    [AutomaticRetry(Attempts = 30, DelaysInSeconds = [1, 2, 5, 15, 60, 300, 900, 1800, 3600])]
    [JobDisplayName("Webhook event {0}")]
    public async Task DeliverAsync(long eventSeq, CancellationToken ct)
    {
        var e = await events.FindAsync(eventSeq, ct);
        if (e is null || e.DeliveredAt is not null) return;
        var client = clients.Find(e.Client);
        if (client?.WebhookUrl is not { } url)
        {
            LogNoWebhook(e.Seq, e.Client);
            return;
        }
        var body = WebhookPayload.For(e).ToUtf8();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(client.WebhookSecret, clock.GetUtcNow(), body));
        request.Headers.Add("X-Event-Id", e.EventId.ToString());
        // The query string may hold the receiver's own token: messages name only the scheme, host and path.
        var shown = url.GetLeftPart(UriPartial.Path);
        string failure;
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                await events.MarkDeliveredAsync(e.Seq, ct);
                LogDelivered(e.Seq, e.DocumentId, e.State, client.Name);
                return;
            }
            // Redirects are not followed (the signed body must not go where the receiver did not configure), so a 3xx fails too.
            failure = $"{shown} answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception x) when (x is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            failure = $"{shown} could not be reached: {x.Message}";
        }
        await events.RecordFailureAsync(e.Seq, failure, ct);
        LogFailed(e.Seq, e.DocumentId, e.State, client.Name, failure);
        throw new WebhookDeliveryException($"Webhook of client {client.Name} for document {e.DocumentId} ({e.State}, event {e.EventId}) not delivered: {failure}");
    }

    [LoggerMessage(LogLevel.Information, "Webhook event {Seq} delivered to {Client}: document {DocumentId} is {State}")]
    private partial void LogDelivered(long seq, Guid documentId, string state, string client);

    [LoggerMessage(LogLevel.Warning, "Webhook event {Seq} to {Client} (document {DocumentId} is {State}) not delivered: {Failure}; Hangfire retries it")]
    private partial void LogFailed(long seq, Guid documentId, string state, string client, string failure);

    [LoggerMessage(LogLevel.Information, "Webhook event {Seq} dropped: client {Client} has no webhook any more")]
    private partial void LogNoWebhook(long seq, string client);
}
