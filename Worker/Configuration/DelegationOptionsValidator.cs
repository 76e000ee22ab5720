using System.Globalization;

namespace Worker.Configuration;

/// <summary>Checks <c>Worker:Delegations</c>; each problem is one line naming its key.</summary>
public static class DelegationOptionsValidator
{
    public static void Check(List<string> e, WorkerOptions o)
    {
        var zone = Zone(o);
        var spans = new List<DelegationSpan>();
        for (var i = 0; i < o.Delegations.Count; i++)
        {
            var k = $"{WorkerOptions.Section}:Delegations:{i}";
            var d = o.Delegations[i];
            var before = e.Count;
            if (!d.Approver.Contains('@')) e.Add($"{k}:Approver: '{d.Approver}' is not an email address");
            if (!d.Deputy.Email.Contains('@')) e.Add($"{k}:Deputy:Email: '{d.Deputy.Email}' is not an email address");
            if (string.IsNullOrWhiteSpace(d.Deputy.Name)) e.Add($"{k}:Deputy:Name: must not be empty (the stamp shows it)");
            if (!o.Signers.ContainsKey(d.Deputy.Signer))
                e.Add($"{k}:Deputy:Signer: '{d.Deputy.Signer}' is not a signer under {WorkerOptions.Section}:Signers");
            if (DelegationKinds.Parse(d.Kind) is null) e.Add($"{k}:Kind: '{d.Kind}' must be Plh, Plt or an");
            var from = Day(e, $"{k}:From", d.From);
            var to = Day(e, $"{k}:To", d.To);
            if (from is { } f && to is { } t && t < f) e.Add($"{k}:To: {d.To} is before From {d.From}");
            if (e.Count > before || zone is null) continue;
            var (start, end) = DelegationKinds.Window(from!.Value, to!.Value, zone);
            var span = new DelegationSpan { Approver = d.Approver, Deputy = d.Deputy.Email, Start = start, End = end, Label = k };
            if (DelegationConflicts.Find(span, spans) is { } conflict) e.Add($"{k}: {conflict}");
            spans.Add(span);
        }
    }

    /// <summary>A yyyy-MM-dd date, or null with a message.</summary>
    internal static DateOnly? Day(List<string> e, string key, string text)
    {
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        e.Add($"{key}: '{text}' is not a date (yyyy-MM-dd)");
        return null;
    }

    private static TimeZoneInfo? Zone(WorkerOptions o)
    {
        try { return o.OfficeHours.Zone(); }
        catch (TimeZoneNotFoundException) { return null; }
    }
}
