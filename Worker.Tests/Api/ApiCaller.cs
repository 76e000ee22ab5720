using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Worker.Tests.Api;

/// <summary>Another application calling the API over real HTTP with its key.</summary>
public sealed class ApiCaller(string baseUrl, string? key) : IDisposable
{
    private readonly HttpClient http = Create(baseUrl, key);

    public HttpClient Http => http;

    /// <summary>POSTs a multipart form; fields left null are not sent.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SubmitAsync(byte[] pdf, string? route,
        string? title = null, string? idempotencyKey = null, string fileName = "surat.pdf", string? submitter = null, string? number = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        if (route is not null) form.Add(new StringContent(route), "route");
        if (title is not null) form.Add(new StringContent(title), "title");
        if (submitter is not null) form.Add(new StringContent(submitter), "submitter");
        if (number is not null) form.Add(new StringContent(number), "number");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        // As a careful client does: the server may refuse on the headers (413) before the body is sent, instead of the
        // client writing into a closed connection.
        request.Headers.ExpectContinue = true;
        var response = await http.SendAsync(request);
        return (response.StatusCode, await BodyAsync(response), response);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var response = await http.GetAsync(path);
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>The document's state as the API reports it.</summary>
    public async Task<string> StateAsync(Guid id)
    {
        var (status, body) = await GetAsync($"/api/documents/{id}");
        return status == HttpStatusCode.OK ? body.GetProperty("state").GetString()! : $"HTTP {(int)status}";
    }

    public void Dispose() => http.Dispose();

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        return type.Contains("json") ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    private static HttpClient Create(string baseUrl, string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
