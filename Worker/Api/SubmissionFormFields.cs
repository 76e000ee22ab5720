using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Worker.Api;

/// <summary>
/// The multipart form of <c>POST /api/documents</c>, as the OpenAPI document describes it. The handler reads the form itself
/// (within the size limit, with problem answers), so the form is described here rather than bound.
/// </summary>
public sealed record SubmissionFormFields
{
    /// <summary>The PDF.</summary>
    public required IFormFile File { get; init; }
    /// <summary>The route to submit to; the API key must allow it.</summary>
    public required string Route { get; init; }
    /// <summary>The title approvers see; defaults to the PDF's own title or the file name.</summary>
    public string? Title { get; init; }
    /// <summary>The letter number (nomor surat).</summary>
    public string? Number { get; init; }
    /// <summary>Email of the person submitting, told the outcome.</summary>
    public string? Submitter { get; init; }
    /// <summary>A note for the approvers.</summary>
    public string? Note { get; init; }

    /// <summary>Adds the form as the operation's request body, and the Idempotency-Key header.</summary>
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(SubmissionFormFields), null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = schema } },
        };
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = SubmissionForm.MaxKeyLength },
            Description = "A new random value (a UUID) per document, the same on every retry: a retry gets the first answer and never makes a second document.",
        });
    }
}
