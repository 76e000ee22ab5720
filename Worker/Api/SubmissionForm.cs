using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Worker.Configuration;
using Worker.Intake;

namespace Worker.Api;

/// <summary>Reads and checks the multipart form of <c>POST /api/documents</c>, within the intake size limit, before anything is stored.</summary>
public static class SubmissionForm
{
    /// <summary>Room for the form's other fields and boundaries on top of the file itself.</summary>
    public const long FormAllowance = 1024 * 1024;

    /// <summary>Longest Idempotency-Key accepted.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The submission, or the problem to answer instead.</summary>
    public static async Task<(ApiSubmission? Submission, ProblemDetails? Problem)> ReadAsync(
        HttpRequest request, ApiClient client, IntakeOptions intake, RouteBook routes, CancellationToken ct)
    {
        var limit = intake.MaxFileBytes;
        // Refused on the declared length alone: a too-big upload is not worth receiving only to refuse it.
        if (request.ContentLength > limit + FormAllowance) return (null, ApiProblems.TooBig(request.ContentLength.Value, limit));
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Bad("Send the document as multipart/form-data with a 'file' part and a 'route' field.");
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > MaxKeyLength || key.Any(c => c is < ' ' or > '~'))
            return Bad($"The Idempotency-Key header must be printable ASCII of at most {MaxKeyLength} characters (a UUID is a good key).");

        var http = request.HttpContext;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + FormAllowance;
        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = limit + FormAllowance, ValueCountLimit = 32, ValueLengthLimit = 64 * 1024,
        }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.TooBig(request.ContentLength ?? limit + 1, limit));
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return Bad($"The multipart form cannot be read: {e.Message}");
        }

        var files = form.Files.GetFiles("file");
        if (files.Count != 1) return Bad(files.Count == 0 ? "The form has no 'file' part: attach the PDF as file." : "Send one 'file' per request.");
        var file = files[0];
        var route = form["route"].ToString().Trim();
        if (route.Length == 0) return Bad($"The form has no 'route' field. This key may submit to: {string.Join(", ", client.Routes.Order())}.");
        var routeOptions = routes.Find(route);
        if (routeOptions is null) return Bad($"There is no route '{route}'. This key may submit to: {string.Join(", ", client.Routes.Order())}.");
        if (!client.Routes.Contains(routeOptions.Name, Configuration.RouteOptions.NameComparer)) return (null, ApiProblems.RouteNotAllowed(route, client));
        if (file.Length > limit) return (null, ApiProblems.TooBig(file.Length, limit));

        var sidecar = Sidecar(form);
        if (sidecar is not null && !SidecarReader.TryRead(sidecar, out _, out var reason))
            // The reader names the sidecar's key; the form calls that field 'submitter'.
            return Bad("A form field is not valid: " + reason!.English.Replace("\"submitterEmail\"", "\"submitter\"", StringComparison.Ordinal));

        string sha256;
        await using (var stream = file.OpenReadStream()) sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        return (new ApiSubmission
        {
            Client = client, Sha256 = sha256, IdempotencyKey = key.Length > 0 ? key : null,
            Upload = new IntakeUpload
            {
                Route = InboxRoute.Open(routeOptions), SourceName = FileName(file.FileName), Open = file.OpenReadStream,
                SidecarText = sidecar, ApiClient = client.Name,
            },
        }, null);
    }

    // The fields as the sidecar JSON a clerk would write, so one reader checks both; null when none was sent.
    private static string? Sidecar(IFormCollection form)
    {
        var json = new JsonObject();
        foreach (var (field, sidecarKey) in new[] { ("title", "title"), ("number", "number"), ("submitter", "submitterEmail"), ("note", "note") })
            if (form[field].ToString() is { Length: > 0 } value) json[sidecarKey] = value;
        return json.Count == 0 ? null : json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    // Only a plain name is kept: it becomes a file name in the route's failed folder if the PDF is refused.
    private static string FileName(string uploaded)
    {
        var name = new string(Path.GetFileName(uploaded.Replace('\\', '/')).Where(c => !char.IsControl(c) && c != '/').ToArray()).Trim();
        if (name.Length > 200) name = name[^200..];
        return name.Length == 0 || name.StartsWith('.') ? "upload.pdf" : name;
    }

    private static (ApiSubmission?, ProblemDetails?) Bad(string detail) => (null, ApiProblems.BadRequest(detail));
}
