using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Worker.Api;

/// <summary>Names the API in /openapi/v1.json and says every call needs <c>Authorization: Bearer KEY</c>.</summary>
public sealed class ApiOpenApiTransformer : IOpenApiDocumentTransformer
{
    private const string Scheme = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "TTE signing worker API";
        document.Info.Description =
            "Submit PDFs to the signing queue, follow them through approval and download them signed. " +
            "Webhooks POST {event, eventId, documentId, state, at} signed with X-Signature: t=UNIX,sha256=HMAC-SHA256(secret, \"t=UNIX.\" + body); redirects are not followed.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer",
            Description = "The key printed by 'Worker api-key NAME'; the worker's configuration holds only its SHA-256.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
