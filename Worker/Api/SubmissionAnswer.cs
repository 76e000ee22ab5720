using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Worker.Api;

/// <summary>The answer to a submission, in a form that can be stored and given again to a retry with the same Idempotency-Key.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Document">The 202 body.</param>
/// <param name="Problem">The problem body of any other status.</param>
public sealed record SubmissionAnswer(int Status, SubmittedDocument? Document, ProblemDetails? Problem)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SubmissionAnswer Accepted(Guid id) => new(StatusCodes.Status202Accepted, new SubmittedDocument(id, ApiEndpoints.StatusPath(id)), null);

    public static SubmissionAnswer Refused(ProblemDetails problem) => new(problem.Status ?? StatusCodes.Status400BadRequest, null, problem);

    public string ToJson() => Document is not null ? JsonSerializer.Serialize(Document, Json) : JsonSerializer.Serialize(Problem, Json);

    public static SubmissionAnswer FromJson(int status, string json) => status == StatusCodes.Status202Accepted
        ? new SubmissionAnswer(status, JsonSerializer.Deserialize<SubmittedDocument>(json, Json), null)
        : new SubmissionAnswer(status, null, JsonSerializer.Deserialize<ProblemDetails>(json, Json));

    public Results<Accepted<SubmittedDocument>, ProblemHttpResult> ToResult() =>
        Document is not null ? TypedResults.Accepted(Document.Status, Document) : TypedResults.Problem(Problem!);
}
