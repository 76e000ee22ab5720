using Worker.Filing;

namespace Worker.Configuration;

/// <summary>Checks one route: its folders exist, its approvers can be reached and their signers are configured.</summary>
internal static class RouteOptionsValidator
{
    private static readonly string[] Placeholders = ["{yyyy}", "{MM}", "{dd}", "{name}", "{id}"];

    public static void Check(List<string> e, string k, RouteOptions r, WorkerOptions all)
    {
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            e.Add($"{k}:Name: '{r.Name}' must be letters, digits, '-' or '_'");
        WorkerOptionsValidator.Folder(e, $"{k}:Inbox", r.Inbox);
        WorkerOptionsValidator.Folder(e, $"{k}:Declined", r.Declined);
        WorkerOptionsValidator.Folder(e, $"{k}:Failed", r.Failed);
        CheckArchive(e, $"{k}:Archive", r.Archive);
        Owned(e, $"{k}:Inbox", r.Inbox);
        if (r.Inbox.Length > 0) Owned(e, $"{k}:Inbox", Path.Combine(r.Inbox, ".processing"));
        Owned(e, $"{k}:Declined", r.Declined);
        Owned(e, $"{k}:Failed", r.Failed);
        Owned(e, $"{k}:Archive", ArchiveRoot(r.Archive));
        WorkerOptionsValidator.Positive(e, $"{k}:ApprovalExpiry", r.ApprovalExpiry);
        WorkerOptionsValidator.Positive(e, $"{k}:RemindAfter", r.RemindAfter);
        if (r.MaxReminders < 0) e.Add($"{k}:MaxReminders: must not be negative");
        if (r.Approvers.Count == 0) e.Add($"{k}:Approvers: a route needs at least one approver");
        for (var i = 0; i < r.Approvers.Count; i++)
        {
            var a = r.Approvers[i];
            var ak = $"{k}:Approvers:{i}";
            if (!a.Email.Contains('@')) e.Add($"{ak}:Email: '{a.Email}' is not an email address");
            if (string.IsNullOrWhiteSpace(a.Name)) e.Add($"{ak}:Name: must not be empty");
            if (a.Language is not ("id" or "en")) e.Add($"{ak}:Language: '{a.Language}' must be id or en");
            var signs = r.SignEach || i == r.Approvers.Count - 1;
            if (signs && !all.Signers.ContainsKey(a.Signer))
                e.Add($"{ak}:Signer: '{a.Signer}' is not a signer under {WorkerOptions.Section}:Signers");
        }
        CheckStamp(e, $"{k}:Stamp", r.Stamp);
        CheckOwners(e, k, r);
    }

    // Unit folders are inbox subfolders by a plain name, real folders of the worker's user (a link could point into another
    // unit's folder or anywhere else); a uid names one person.
    private static void CheckOwners(List<string> e, string k, RouteOptions r)
    {
        for (var i = 0; i < r.Units.Count; i++)
        {
            var u = r.Units[i];
            var uk = $"{k}:Units:{i}";
            if (u.Folder.Length == 0 || u.Folder.StartsWith('.') || u.Folder.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
                e.Add($"{uk}:Folder: '{u.Folder}' must be a subfolder name of letters, digits, '-', '_' or '.', not starting with '.'");
            else if (r.Inbox.Length > 0)
            {
                WorkerOptionsValidator.Folder(e, $"{uk}:Folder", Path.Combine(r.Inbox, u.Folder));
                Owned(e, $"{uk}:Folder", Path.Combine(r.Inbox, u.Folder));
            }
            if (!u.Email.Contains('@')) e.Add($"{uk}:Email: '{u.Email}' is not an email address");
        }
        if (r.Units.GroupBy(u => u.Folder, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            e.Add($"{k}:Units: folder '{twice.Key}' is listed twice");
        for (var i = 0; i < r.Submitters.Count; i++)
            if (!r.Submitters[i].Email.Contains('@')) e.Add($"{k}:Submitters:{i}:Email: '{r.Submitters[i].Email}' is not an email address");
        if (r.Submitters.GroupBy(s => s.Uid).FirstOrDefault(g => g.Count() > 1) is { } uid)
            e.Add($"{k}:Submitters: uid {uid.Key} is listed twice");
    }

    private static void CheckArchive(List<string> e, string key, string template)
    {
        if (string.IsNullOrWhiteSpace(template)) { e.Add($"{key}: must be set"); return; }
        if (!template.Contains("{name}") && !template.Contains("{id}"))
            e.Add($"{key}: '{template}' must contain {{name}} or {{id}} so files do not collide");
        var rest = template;
        foreach (var p in Placeholders) rest = rest.Replace(p, "");
        if (rest.Contains('{') || rest.Contains('}'))
            e.Add($"{key}: '{template}' has an unknown placeholder (known: {string.Join(' ', Placeholders)})");
        // The fixed part before the first placeholder is the archive root; it must exist (a typo would otherwise create a stray tree).
        var root = ArchiveRoot(template);
        if (root.Length > 0 && !Directory.Exists(root)) e.Add($"{key}: folder {Path.GetFullPath(root)} does not exist");
    }

    private static string ArchiveRoot(string template)
    {
        var cut = template.IndexOf('{');
        return Path.GetDirectoryName(cut < 0 ? template : template[..cut]) ?? "";
    }

    // An existing route folder must be a real folder of the worker's own user: a link (or a folder a clerk owns and can swap)
    // could send the worker's reads and writes anywhere. A missing one is reported by the existence checks.
    private static void Owned(List<string> e, string key, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !RegularFile.Taken(Path.GetFullPath(path))) return;
        if (FolderCheck.Problem(path) is { } problem) e.Add($"{key}: {problem}");
    }

    private static void CheckStamp(List<string> e, string k, StampOptions s)
    {
        if (s.Width < 40 || s.Height < 20) e.Add($"{k}: the stamp must be at least 40 x 20 points");
        if (s.X < 0 || s.Y < 0) e.Add($"{k}: X and Y must not be negative");
        if (s.Anchor.Length > 64) e.Add($"{k}:Anchor: at most 64 characters, e.g. #ttd#");
        if (s.Footnote.Length > 1000) e.Add($"{k}:Footnote: at most 1000 characters");
    }
}
