namespace Worker.Configuration;

/// <summary>Checks <c>Worker:Api</c>: every client can be told apart by name and key, and submits only to configured routes.</summary>
internal static class ApiOptionsValidator
{
    public static void Check(List<string> e, ApiOptions api, WorkerOptions all)
    {
        const string k = $"{WorkerOptions.Section}:Api";
        if (api.RequestsPerMinute < 1) e.Add($"{k}:RequestsPerMinute: must be at least 1");
        WorkerOptionsValidator.Positive(e, $"{k}:WebhookTimeout", api.WebhookTimeout);
        var routes = all.Routes.Select(r => r.Name).ToHashSet(RouteOptions.NameComparer);
        for (var i = 0; i < api.Clients.Count; i++)
        {
            var c = api.Clients[i];
            var ck = $"{k}:Clients:{i}";
            if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')))
                e.Add($"{ck}:Name: '{c.Name}' must be letters, digits, '-' or '_'");
            if (c.KeySha256.Length != 64 || !c.KeySha256.All(char.IsAsciiHexDigit))
                e.Add($"{ck}:KeySha256: must be the 64 hex digits that 'Worker api-key {c.Name}' prints");
            if (c.Routes.Count == 0) e.Add($"{ck}:Routes: list the routes this client may submit to");
            foreach (var route in c.Routes.Where(r => !routes.Contains(r)))
                e.Add($"{ck}:Routes: '{route}' is not a route under {WorkerOptions.Section}:Routes");
            if (c.RequestsPerMinute is < 1) e.Add($"{ck}:RequestsPerMinute: must be at least 1");
            if (c.WebhookUrl.Length > 0)
            {
                WorkerOptionsValidator.Url(e, $"{ck}:WebhookUrl", c.WebhookUrl);
                WorkerOptionsValidator.RequiredFile(e, $"{ck}:WebhookSecretFile", c.WebhookSecretFile);
                if (File.Exists(c.WebhookSecretFile) && File.ReadAllText(c.WebhookSecretFile).Trim().Length < 16)
                    e.Add($"{ck}:WebhookSecretFile: the secret in {Path.GetFullPath(c.WebhookSecretFile)} must be at least 16 characters");
            }
            else if (c.WebhookSecretFile.Length > 0) e.Add($"{ck}:WebhookSecretFile: set only together with {ck}:WebhookUrl");
        }
        foreach (var dup in api.Clients.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            e.Add($"{k}:Clients: client name '{dup.Key}' is used more than once");
        foreach (var dup in api.Clients.Where(c => c.KeySha256.Length > 0)
                     .GroupBy(c => c.KeySha256, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            e.Add($"{k}:Clients: clients {string.Join(" and ", dup.Select(c => $"'{c.Name}'"))} share one key; give each its own");
    }
}
