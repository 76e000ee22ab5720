using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Worker.Api;

namespace Worker.Tests.Api;

/// <summary>A client's webhook endpoint on a loopback port: checks every signature, keeps every delivery; can go down and come back on the same port.</summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Delivery> received = new();
    private readonly byte[] secret;
    private WebApplication? app;

    /// <summary>One POST as received.</summary>
    /// <param name="EventId">The eventId of the body.</param>
    /// <param name="DocumentId">The documentId of the body.</param>
    /// <param name="State">The state of the body.</param>
    /// <param name="Event">The event name of the body.</param>
    /// <param name="SignatureValid">Whether X-Signature matched the body.</param>
    public sealed record Delivery(Guid EventId, Guid DocumentId, string State, string Event, bool SignatureValid);

    public TestWebhookReceiver(string secret) => this.secret = Encoding.UTF8.GetBytes(secret);

    public int Port { get; } = FreePort();
    public string Url => $"http://127.0.0.1:{Port}/hooks/tte?token=receiver-side-secret";
    /// <summary>An address that answers every POST with a redirect to <see cref="Url"/>.</summary>
    public string MovedUrl => $"http://127.0.0.1:{Port}/hooks/moved";
    /// <summary>How many POSTs reached <see cref="MovedUrl"/>.</summary>
    public int MovedHits => movedHits;
    private int movedHits;
    public IReadOnlyList<Delivery> Received => received.ToArray();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        app = builder.Build();
        app.MapPost("/hooks/tte", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            received.Enqueue(new Delivery(root.GetProperty("eventId").GetGuid(), root.GetProperty("documentId").GetGuid(),
                root.GetProperty("state").GetString()!, root.GetProperty("event").GetString()!,
                WebhookSignature.Verify(secret, body, request.Headers[WebhookSignature.Header], DateTimeOffset.UtcNow)));
            return Results.NoContent();
        });
        app.MapPost("/hooks/moved", () =>
        {
            Interlocked.Increment(ref movedHits);
            return Results.Redirect(Url, permanent: false, preserveMethod: true);
        });
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    public List<Delivery> For(Guid documentId) => Received.Where(d => d.DocumentId == documentId).ToList();

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
