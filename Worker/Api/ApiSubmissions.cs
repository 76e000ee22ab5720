using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Worker.Intake;
using Worker.Persistence;

namespace Worker.Api;

/// <summary>
/// Puts a checked submission through intake under its Idempotency-Key: the key fixes the document id before anything is
/// written, so however often a request is retried (or crashed midway), it records at most one document.
/// </summary>
public sealed partial class ApiSubmissions(
    ApiRequestStore requests, IntakeProcessor processor, NpgsqlDataSource dataSource, ILogger<ApiSubmissions> logger)
{
    public async Task<SubmissionAnswer> SubmitAsync(ApiSubmission s, CancellationToken ct)
    {
        var client = s.Client.Name;
        var fingerprint = Fingerprint(s);
        var id = Guid.CreateVersion7();
        if (s.IdempotencyKey is { } key)
        {
            var reservation = await requests.ReserveAsync(client, key, fingerprint, id, ct);
            if (reservation.Fingerprint != fingerprint) return SubmissionAnswer.Refused(ApiProblems.KeyReused());
            if (reservation.StatusCode is { } status)
            {
                LogReplayed(client, reservation.DocumentId);
                return SubmissionAnswer.FromJson(status, reservation.Response!);
            }
            id = reservation.DocumentId;
        }

        // Held by the first of two simultaneous retries; the other is told to come back for the answer.
        await using var held = await DocumentLock.TryAcquireAsync(dataSource, id, ct);
        if (held is null) return SubmissionAnswer.Refused(ApiProblems.StillWorking());
        var recorded = await processor.TakeUploadAsync(s.Upload, held, ct);
        var answer = recorded.State is DocumentState.Invalid or DocumentState.Duplicate
            ? SubmissionAnswer.Refused(ApiProblems.Refused(recorded, s.Upload.Route.Name))
            : SubmissionAnswer.Accepted(recorded.Id);
        if (s.IdempotencyKey is { } used) await requests.SaveAnswerAsync(client, used, answer.Status, answer.ToJson(), ct);
        LogSubmitted(client, recorded.Id, s.Upload.Route.Name, recorded.State.ToString());
        return answer;
    }

    /// <summary>Every submitted field (route, file bytes, file name, title, number, submitter, note), so a key reused for anything else is told.</summary>
    public static string Fingerprint(ApiSubmission s) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(
            new[] { s.Upload.Route.Name, s.Sha256, s.Upload.SourceName, s.Upload.SidecarText ?? "" })));

    [LoggerMessage(LogLevel.Information, "API client {Client} submitted document {DocumentId} on route {Route}: {State}")]
    private partial void LogSubmitted(string client, Guid documentId, string route, string state);

    [LoggerMessage(LogLevel.Information, "API client {Client} retried the submission of document {DocumentId}; the first answer was given again")]
    private partial void LogReplayed(string client, Guid documentId);
}
