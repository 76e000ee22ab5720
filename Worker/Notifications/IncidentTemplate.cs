using Worker.Persistence;

namespace Worker.Notifications;

/// <summary>The operator mail about an incident: what, since when, and (on recovery) that it is over.</summary>
public static class IncidentTemplate
{
    public static MailContent Render(Incident incident, TimeZoneInfo zone)
    {
        var first = incident.Summary.Split('\n')[0];
        var opened = LocalTime.Format(incident.OpenedAt, zone, "id");
        var (subject, lead) = incident.ResolvedAt is { } resolved
            ? ($"[TTE] Pulih / Recovered: {first}",
               $"Sudah pulih pada {LocalTime.Format(resolved, zone, "id")} (mulai {opened}). / Recovered on {LocalTime.Format(resolved, zone, "en")}.")
            : ($"[TTE] Perlu tindakan / Needs attention: {first}",
               $"Terlihat sejak {opened}. Lihat halaman Needs attention di dasbor; email berikutnya hanya dikirim saat sudah pulih. / Seen since {LocalTime.Format(incident.OpenedAt, zone, "en")}; see Needs attention on the dashboard. The next mail comes when it recovers.");
        var text = $"{incident.Summary}\n\n{lead}\n\n({incident.Key})\n";
        var html = $"<pre>{System.Net.WebUtility.HtmlEncode(text)}</pre>";
        return new MailContent { Subject = subject, Text = text, Html = html };
    }
}
