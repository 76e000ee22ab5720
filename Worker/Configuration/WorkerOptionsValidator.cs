using Microsoft.Extensions.Options;

namespace Worker.Configuration;

/// <summary>Checks every setting at start-up; each failure names its key so an operator can fix it.</summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>All problems, each as "Worker:Key: what is wrong".</summary>
    public static List<string> Check(WorkerOptions o)
    {
        var e = new List<string>();
        const string w = WorkerOptions.Section;
        Url(e, $"{w}:Urls", o.Urls);
        Url(e, $"{w}:PublicBaseUrl", o.PublicBaseUrl);
        if (string.IsNullOrWhiteSpace(o.DataDirectory)) e.Add($"{w}:DataDirectory: must not be empty");
        if (string.IsNullOrWhiteSpace(o.Database.ConnectionString)) e.Add($"{w}:Database:ConnectionString: must not be empty");
        OptionalFile(e, $"{w}:Database:PasswordFile", o.Database.PasswordFile);
        OptionalFile(e, $"{w}:Database:MigrationPasswordFile", o.Database.MigrationPasswordFile);
        CheckMail(e, o.Mail);
        foreach (var (signerName, signer) in o.Signers) SignerOptionsValidator.Check(e, $"{w}:Signers:{signerName}", signer);
        if (o.Timestamp.Url.Length > 0) Url(e, $"{w}:Timestamp:Url", o.Timestamp.Url);
        foreach (var name in o.Timestamp.HashWeakFrom.Keys.Where(k => k.Replace("-", "").ToUpperInvariant() is not ("SHA1" or "SHA256" or "SHA384" or "SHA512")))
            e.Add($"{w}:Timestamp:HashWeakFrom:{name}: not a hash algorithm the worker knows (SHA1, SHA256, SHA384, SHA512)");
        Positive(e, $"{w}:Database:StartupWait", o.Database.StartupWait, allowZero: true);
        if (o.Signing.Retries is < 0 or > 20) e.Add($"{w}:Signing:Retries: {o.Signing.Retries} must be between 0 and 20");
        Positive(e, $"{w}:Signing:RetryDelay", o.Signing.RetryDelay);
        Positive(e, $"{w}:Signing:CertificateWarning", o.Signing.CertificateWarning, allowZero: true);
        Positive(e, $"{w}:Intake:StableFor", o.Intake.StableFor, allowZero: true);
        Positive(e, $"{w}:Intake:RescanEvery", o.Intake.RescanEvery);
        if (o.Intake.MaxFileBytes <= 0) e.Add($"{w}:Intake:MaxFileBytes: must be greater than 0");
        if (o.Intake.MaxAttempts is < 1 or > 100) e.Add($"{w}:Intake:MaxAttempts: {o.Intake.MaxAttempts} must be between 1 and 100");
        CheckOfficeHours(e, o.OfficeHours);
        CheckDashboard(e, o.Dashboard);
        WebOptionsValidator.Check(e, o);
        if (o.Approval.RequestsPerMinute < 1) e.Add($"{w}:Approval:RequestsPerMinute: must be at least 1");
        if (o.Approval.ReasonMaxLength < 20) e.Add($"{w}:Approval:ReasonMaxLength: must be at least 20");
        if (o.Approval.PreviewTimeout <= TimeSpan.Zero) e.Add($"{w}:Approval:PreviewTimeout: must be positive, e.g. 00:00:15");
        if (o.Approval.PreviewMemoryMegabytes < 64) e.Add($"{w}:Approval:PreviewMemoryMegabytes: must be at least 64");
        if (o.Approval.PreviewMaxPages < 1) e.Add($"{w}:Approval:PreviewMaxPages: must be at least 1");
        Positive(e, $"{w}:Approval:SweepEvery", o.Approval.SweepEvery);
        for (var i = 0; i < o.Routes.Count; i++) RouteOptionsValidator.Check(e, $"{w}:Routes:{i}", o.Routes[i], o);
        foreach (var dup in o.Routes.GroupBy(r => r.Name, RouteOptions.NameComparer).Where(g => g.Count() > 1))
            e.Add($"{w}:Routes: route name '{dup.Key}' is used more than once");
        DelegationOptionsValidator.Check(e, o);
        ApiOptionsValidator.Check(e, o.Api, o);
        VerificationOptionsValidator.Check(e, o.Verification);
        return e;
    }

    private static void CheckMail(List<string> e, MailOptions m)
    {
        const string k = $"{WorkerOptions.Section}:Mail";
        if (!m.From.Contains('@')) e.Add($"{k}:From: '{m.From}' is not an email address");
        if (m.Smtp.Host.Length == 0)
        {
            if (string.IsNullOrWhiteSpace(m.PickupDirectory)) e.Add($"{k}:PickupDirectory: must be set when {k}:Smtp:Host is empty");
            return;
        }
        if (m.Smtp.Port is < 1 or > 65535) e.Add($"{k}:Smtp:Port: {m.Smtp.Port} is not a port number");
        OptionalFile(e, $"{k}:Smtp:PasswordFile", m.Smtp.PasswordFile);
        Positive(e, $"{k}:Smtp:Timeout", m.Smtp.Timeout);
    }

    private static void CheckOfficeHours(List<string> e, OfficeHoursOptions h)
    {
        const string k = $"{WorkerOptions.Section}:OfficeHours";
        try { TimeZoneInfo.FindSystemTimeZoneById(h.TimeZone); }
        catch (TimeZoneNotFoundException) { e.Add($"{k}:TimeZone: unknown time zone '{h.TimeZone}'"); }
        if (h.End <= h.Start) e.Add($"{k}:End: {h.End} must be later than Start {h.Start}");
    }

    private static void CheckDashboard(List<string> e, DashboardOptions d)
    {
        for (var i = 0; i < d.Users.Count; i++)
        {
            var k = $"{WorkerOptions.Section}:Dashboard:Users:{i}";
            var u = d.Users[i];
            if (string.IsNullOrWhiteSpace(u.Name)) e.Add($"{k}:Name: must not be empty");
            if (!PasswordHash.IsWellFormed(u.PasswordHash)) e.Add($"{k}:PasswordHash: not a hash made by 'Worker hash-password'");
        }
    }

    internal static void Url(List<string> e, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            e.Add($"{key}: '{value}' is not an http:// or https:// URL");
    }

    internal static void Positive(List<string> e, string key, TimeSpan value, bool allowZero = false)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero)) e.Add($"{key}: {value} must be a positive time span");
    }

    internal static void RequiredFile(List<string> e, string key, string path)
    {
        if (string.IsNullOrWhiteSpace(path)) e.Add($"{key}: must be set");
        else if (!File.Exists(path)) e.Add($"{key}: file {Path.GetFullPath(path)} does not exist");
    }

    internal static void OptionalFile(List<string> e, string key, string path)
    {
        if (path.Length > 0 && !File.Exists(path)) e.Add($"{key}: file {Path.GetFullPath(path)} does not exist");
    }

    internal static void Folder(List<string> e, string key, string path)
    {
        if (string.IsNullOrWhiteSpace(path)) e.Add($"{key}: must be set");
        else if (!Directory.Exists(path)) e.Add($"{key}: folder {Path.GetFullPath(path)} does not exist");
    }
}
