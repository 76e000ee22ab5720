using System.Text.Json;
using Worker.Persistence;

namespace Worker.Api;

/// <summary>The JSON body of a webhook; the same event always gives the same bytes, so a retry carries the same signature.</summary>
/// <param name="Event">Always <c>document.state_changed</c>.</param>
/// <param name="EventId">Unique per event: a receiver drops a repeat it has seen.</param>
/// <param name="DocumentId">The document that changed.</param>
/// <param name="State">The state it entered.</param>
/// <param name="At">When, in UTC.</param>
public sealed record WebhookPayload(string Event, Guid EventId, Guid DocumentId, string State, DateTimeOffset At)
{
    public const string StateChanged = "document.state_changed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebhookPayload For(WebhookEvent e) => new(StateChanged, e.EventId, e.DocumentId, e.State, e.At.ToUniversalTime());

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}
