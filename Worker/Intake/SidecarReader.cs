using System.Net.Mail;
using System.Text;
using System.Text.Json;

namespace Worker.Intake;

/// <summary>Reads and checks a sidecar; every problem becomes a sentence a clerk can act on, in both languages.</summary>
public static class SidecarReader
{
    private static readonly Dictionary<string, int> Limits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = 500, ["number"] = 100, ["submitterEmail"] = 254, ["note"] = 2000,
    };

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Parses the sidecar <paramref name="name"/>; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string name, string text, out Sidecar sidecar, out IntakeProblem? problem)
    {
        if (TryRead(text, out sidecar, out var reason))
        {
            problem = null;
            return true;
        }
        problem = IntakeProblem.BadSidecar(name, reason!.Indonesian, reason.English);
        return false;
    }

    /// <summary>Checks sidecar text that is not a file (the API's form fields); on failure <paramref name="reason"/> is just what is wrong.</summary>
    public static bool TryRead(string text, out Sidecar sidecar, out IntakeProblem? reason)
    {
        var (values, id, en) = Read(text);
        if (values is null)
        {
            sidecar = new Sidecar();
            reason = new IntakeProblem(id, en);
            return false;
        }
        sidecar = new Sidecar
        {
            Title = values.GetValueOrDefault("title"), Number = values.GetValueOrDefault("number"),
            SubmitterEmail = values.GetValueOrDefault("submitterEmail"), Note = values.GetValueOrDefault("note"),
        };
        reason = null;
        return true;
    }

    // The fields by name, or null with the reason in Indonesian and English.
    private static (Dictionary<string, string>? Values, string Id, string En) Read(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) > FileClaimer.MaxSidecarBytes)
            return (null, $"lebih besar dari {FileClaimer.MaxSidecarBytes / 1024} KB", $"larger than {FileClaimer.MaxSidecarBytes / 1024} KB");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            return (null, "bukan JSON yang valid (periksa tanda kutip, koma dan kurung kurawal; contoh ada di README)",
                "not valid JSON (check quotes, commas and braces; the README has an example)");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, "harus berupa objek JSON seperti {\"title\": \"...\"}", "must be a JSON object such as {\"title\": \"...\"}");
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = property.Name;
                if (!Limits.TryGetValue(field, out var limit))
                    return (null, $"kolom \"{field}\" tidak dikenal (yang dikenal: {Known})", $"unknown field \"{field}\" (known: {Known})");
                if (property.Value.ValueKind == JsonValueKind.Null) continue;
                if (property.Value.ValueKind != JsonValueKind.String)
                    return (null, $"kolom \"{field}\" harus berupa teks", $"field \"{field}\" must be text");
                var value = property.Value.GetString()!.Trim();
                if (value.Length > limit)
                    return (null, $"kolom \"{field}\" lebih dari {limit} karakter", $"field \"{field}\" is longer than {limit} characters");
                if (value.Length > 0) values[field] = value;
            }
            if (values.TryGetValue("submitterEmail", out var email) && !IsEmail(email))
                return (null, $"kolom \"submitterEmail\": '{email}' bukan alamat email", $"field \"submitterEmail\": '{email}' is not an email address");
            return (values, "", "");
        }
    }

    private static string Known => string.Join(", ", Limits.Keys);

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
