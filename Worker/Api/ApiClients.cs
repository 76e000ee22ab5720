using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Worker.Configuration;

namespace Worker.Api;

/// <summary>The configured clients, found by key (for a request) or by name (for a webhook).</summary>
public sealed class ApiClients
{
    private readonly IReadOnlyList<ApiClient> clients;

    public ApiClients(IOptions<ApiOptions> options)
    {
        var api = options.Value;
        clients = api.Clients.Select(c => new ApiClient
        {
            Name = c.Name,
            KeySha256 = Convert.FromHexString(c.KeySha256),
            Routes = c.Routes.ToHashSet(StringComparer.Ordinal),
            RequestsPerMinute = c.RequestsPerMinute ?? api.RequestsPerMinute,
            WebhookUrl = c.WebhookUrl.Length > 0 ? new Uri(c.WebhookUrl) : null,
            WebhookSecret = c.WebhookUrl.Length > 0 ? Encoding.UTF8.GetBytes(File.ReadAllText(c.WebhookSecretFile).Trim()) : [],
        }).ToList();
    }

    /// <summary>True when any client is configured.</summary>
    public bool Any => clients.Count > 0;

    /// <summary>
    /// The client whose key this is, or null. Every client is compared, each in constant time, so the answer's timing says
    /// nothing about how close a guess came or which client it resembled.
    /// </summary>
    public ApiClient? Authenticate(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        ApiClient? found = null;
        foreach (var client in clients)
            if (CryptographicOperations.FixedTimeEquals(hash, client.KeySha256)) found = client;
        return found;
    }

    public ApiClient? Find(string name) => clients.FirstOrDefault(c => c.Name == name);

    /// <summary>The key in an <c>Authorization: Bearer KEY</c> header, or null.</summary>
    public static string? BearerKey(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;
}
