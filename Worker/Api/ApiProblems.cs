using Microsoft.AspNetCore.Mvc;
using Worker.Intake;
using Worker.Persistence;

namespace Worker.Api;

/// <summary>The API's RFC 9457 problem bodies; each detail tells the calling system's developers what to change.</summary>
public static class ApiProblems
{
    public static ProblemDetails BadRequest(string detail) =>
        Make(StatusCodes.Status400BadRequest, "The request cannot be accepted", detail);

    public static ProblemDetails TooBig(long size, long limit) =>
        Make(StatusCodes.Status413PayloadTooLarge, "The file is too big", IntakeProblem.TooBig(size, limit).English);

    public static ProblemDetails RouteNotAllowed(string route, ApiClient client) => Make(StatusCodes.Status403Forbidden,
        "Route not allowed", $"This API key may not submit to route '{route}'; it may submit to: {string.Join(", ", client.Routes.Order())}.");

    public static ProblemDetails NotFound(Guid id) =>
        Make(StatusCodes.Status404NotFound, "No such document", $"There is no document {id} submitted with this API key.");

    public static ProblemDetails KeyReused() => Make(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
        "This Idempotency-Key was first used for another file or route. Use a new key for a new document.");

    public static ProblemDetails StillWorking() => Make(StatusCodes.Status409Conflict, "Request in progress",
        "A request with this Idempotency-Key is still being processed. Retry in a few seconds to get its answer.");

    /// <summary>Intake recorded the document but refused it: the same reasons a clerk finds beside a refused file.</summary>
    public static ProblemDetails Refused(RecordedDocument recorded, string route)
    {
        var duplicate = recorded.State == DocumentState.Duplicate;
        var reason = IntakeProblem.FromStored(recorded.Error ?? "");
        // A duplicate's stored reason names the earlier document, which may be another client's: only the fact is told.
        var problem = duplicate
            ? Make(StatusCodes.Status409Conflict, "The same PDF is already on the queue",
                $"The content is identical to a document still open or already filed on route '{route}'.")
            : Make(StatusCodes.Status400BadRequest, "The PDF was refused", reason.EnglishWithDetail);
        problem.Extensions["documentId"] = recorded.Id;
        problem.Extensions["state"] = recorded.State.ToString();
        problem.Extensions["status"] = ApiEndpoints.StatusPath(recorded.Id);
        if (!duplicate) problem.Extensions["detailId"] = reason.Indonesian;
        return problem;
    }

    private static ProblemDetails Make(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
