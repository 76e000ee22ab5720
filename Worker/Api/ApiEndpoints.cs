using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Worker.Configuration;
using Worker.Pdf.Checking;
using Worker.Persistence;
using Worker.Web;

namespace Worker.Api;

/// <summary>
/// /api/documents for other applications: submit a PDF, follow it, download it signed. Every call needs a client's key; a
/// client sees only its own documents, and another client's are answered exactly like ones that do not exist.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Rate-limiter policy: requests per client and minute (Worker:Api:RequestsPerMinute, or the client's own).</summary>
    public const string RateLimitPolicy = "api-per-client";

    /// <summary>Authorization policy: a known API key.</summary>
    public const string AuthorizationPolicy = "api-client";

    public static string StatusPath(Guid id) => $"/api/documents/{id}";

    public static RouteGroupBuilder MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents")
            .RequireAuthorization(AuthorizationPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .AddEndpointFilter(SecurityHeaders.AddAsync)
            .WithTags("Documents")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/", SubmitAsync)
            // A key in a header, not a cookie: there is no browser session to forge requests with.
            .DisableAntiforgery()
            // Described, not declared with Accepts: routing would answer another content type 415 without a problem body.
            .AddOpenApiOperationTransformer(SubmissionFormFields.DescribeAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Submit a PDF for approval and signing")
            .WithDescription("The same checks as a file dropped in the route's inbox. Send an Idempotency-Key header so a retry never makes a second document.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A document's state, approvers and signed hash")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/signed", GetSignedAsync).WithSummary("The signed PDF, once the document is Filed")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Accepted<SubmittedDocument>, ProblemHttpResult>> SubmitAsync(HttpRequest request, ClaimsPrincipal user,
        ApiClients clients, ApiSubmissions submissions, IOptions<IntakeOptions> intake, RouteBook routes, ParseSlots parses, CancellationToken ct)
    {
        var client = Caller(user, clients);
        var (submission, problem) = await SubmissionForm.ReadAsync(request, client, intake.Value, routes, ct);
        if (problem is not null) return TypedResults.Problem(problem);
        using var slot = await parses.TryEnterAsync(ct);
        if (slot is null) return ParseBusy.Problem(request.HttpContext);
        return (await submissions.SubmitAsync(submission!, ct)).ToResult();
    }

    public static async Task<Results<Ok<ApiDocument>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, ApiClients clients,
        ApiDocumentStore store, IOptions<WorkerOptions> options, CancellationToken ct)
    {
        var document = await store.FindAsync(id, Caller(user, clients).Name, ct);
        return document is null
            ? TypedResults.Problem(ApiProblems.NotFound(id))
            : TypedResults.Ok(ApiDocument.From(document, options.Value.PublicBaseUrl));
    }

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> GetSignedAsync(Guid id, ClaimsPrincipal user, ApiClients clients,
        ApiDocumentStore store, CancellationToken ct)
    {
        var document = await store.FindAsync(id, Caller(user, clients).Name, ct);
        if (document is null) return TypedResults.Problem(ApiProblems.NotFound(id));
        if (document.State != DocumentState.Filed || document.SignedPath is not { } path || !File.Exists(path))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not signed yet",
                detail: $"Document {id} is {document.State}; the signed PDF is there once it is {DocumentState.Filed}.");
        return TypedResults.PhysicalFile(Path.GetFullPath(path), "application/pdf", Path.GetFileName(path));
    }

    // The authorization policy let only a known key through, so the name is one of the configured clients.
    private static ApiClient Caller(ClaimsPrincipal user, ApiClients clients) =>
        clients.Find(user.Identity?.Name ?? "") ?? throw new InvalidOperationException("an API endpoint ran without an authenticated client");
}
