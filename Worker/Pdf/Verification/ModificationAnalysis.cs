using Worker.Pdf.Syntax;

namespace Worker.Pdf.Verification;

/// <summary>
/// Decides what a file shows beyond what a signature signed. The signed revision's cross-reference chain must
/// be an unchanged suffix of the file's (each later section's /Prev leads back to it, nothing repaired), and
/// every object whose resolution differs between the signed revision and the file is compared and judged by
/// <see cref="ChangePolicy"/>: objects re-pointed, redefined, freed or moved into a new object stream alike, and
/// numbers the signed objects referred to but left undefined (missing or free) that a later revision defines.
/// </summary>
public sealed class ModificationAnalysis
{
    private const int MaxReported = 8;
    private readonly PdfRevisions _revisions;
    private readonly RevisionView? _current;
    private readonly string? _damage;
    private readonly Dictionary<long, RevisionView> _views = [];

    private ModificationAnalysis(PdfRevisions revisions)
    {
        _revisions = revisions;
        try
        {
            var last = revisions.LastRevisionEnd();
            if (last < 0) _damage = "the file has no %%EOF";
            else if (!revisions.OnlyWhiteSpaceAfter(last)) _damage = "bytes follow the file's last %%EOF";
            else _current = revisions.Current();
        }
        catch (PdfSyntaxException e)
        {
            _damage = e.Message;
        }
    }

    /// <summary>Reads the file's structure once; the stream must stay open while the analysis is used.</summary>
    public static ModificationAnalysis Open(Stream file, SyntaxLimits? limits = null) => new(PdfRevisions.Open(file, limits));

    /// <summary>
    /// What the file changes beyond the revision ending at <paramref name="signedEnd"/>, one phrase each (empty when
    /// nothing disallowed); <paramref name="later"/> are the file's other signatures whose bytes verified;
    /// <paramref name="signatureObject"/> is this signature's dictionary, so its DocMDP permission (if it certifies) applies.
    /// </summary>
    public IReadOnlyList<string> Check(long signedEnd, IReadOnlyList<LaterSignature> later, long? signatureObject = null)
    {
        if (_current is null)
            return [$"the file's cross-reference data is not exact ({_damage}), so what it shows cannot be tied to the signed revision"];
        RevisionView signed;
        try
        {
            signed = ViewAt(signedEnd);
        }
        catch (PdfSyntaxException e)
        {
            return [$"the signed revision's cross-reference data is not exact ({e.Message})"];
        }
        if (ChainProblem(signed) is { } chain) return [chain];
        try
        {
            return Compare(signed, later, DocMdpPermission.Of(signed, signatureObject));
        }
        catch (PdfSyntaxException e)
        {
            return [$"the file cannot be compared with the signed revision ({e.Message})"];
        }
    }

    private string? ChainProblem(RevisionView signed)
    {
        var head = signed.Chain[0].Offset;
        var file = _current!.Chain;
        var k = file.ToList().FindIndex(s => s.Offset == head);
        if (k < 0)
            return $"a later revision does not build on the signed one: the file's /Prev chain skips the signed cross-reference section at offset {head}";
        if (!file.Skip(k).Select(s => s.Offset).SequenceEqual(signed.Chain.Select(s => s.Offset)))
            return "the file's cross-reference chain diverges from the signed revision's";
        if (k == 0 && !_revisions.OnlyWhiteSpaceAfter(signed.End))
            return "bytes were appended after the signed revision without a cross-reference section";
        if (file.Take(k).Any(s => s.Offset < signed.End))
            return "a later cross-reference section lies inside the signed bytes";
        return null;
    }

    private List<string> Compare(RevisionView signed, IReadOnlyList<LaterSignature> later, int? permission)
    {
        var current = _current!;
        var problems = new List<string>();
        var later0 = current.Chain.TakeWhile(s => s.Offset != signed.Chain[0].Offset).ToList();
        var candidates = later0.SelectMany(s => s.Entries.Keys).ToHashSet();
        foreach (var (number, entry) in current.Entries)
            if (entry.Kind == XrefEntryKind.Compressed && candidates.Contains((int)Math.Min(entry.Location, int.MaxValue)))
                candidates.Add(number);

        if (!PdfValueComparer.Equal(signed.Trailer["Root"], current.Trailer["Root"]))
            problems.Add("the document catalog was replaced after signing");
        if (current.Trailer["Encrypt"] is not null && signed.Trailer["Encrypt"] is null)
            problems.Add("encryption was added after signing");
        // The same /Info object is judged with the other objects below (some writers share it with the form).
        if (!PdfValueComparer.Equal(signed.Trailer["Info"], current.Trailer["Info"])
            && !PdfValueComparer.Equal(signed.Resolve(signed.Trailer["Info"]), current.Resolve(current.Trailer["Info"])))
            problems.Add("the document information (/Info) was changed after signing");

        var roles = new SignedRevisionRoles(signed);
        // P 2 and P 3 are judged by the list as it is (P 3's annotations are not allowed: stricter, never laxer).
        var noChanges = permission == 1;
        var policy = new ChangePolicy(signed, current, roles, later, ViewAt, noChanges);
        Dictionary<int, int>? dangling = null;
        foreach (var number in candidates.Order())
        {
            if (problems.Count >= MaxReported) break;
            var before = signed.Get(number);
            if (before is null)
            {
                // New numbers are judged through the objects that refer to them, unless a signed object already did.
                dangling ??= DanglingReferences.Find(signed);
                if (dangling.TryGetValue(number, out var referrer) && current.Get(number) is not null && !policy.AllowsDefinition(number))
                    problems.Add(Undefined(roles, number, referrer));
                continue;
            }
            var after = current.Get(number);
            if (PdfValueComparer.Equal(before, after)) continue;
            if (policy.Judge(number, before, after) is { } problem) problems.Add(problem);
        }
        if (noChanges && later.Any(s => s.RevisionEnd > signed.End && !s.IsDocumentTimestamp))
            problems.Insert(0, "the certification allows no changes (DocMDP /P 1), yet a later signature was added");
        else if (noChanges && problems.Count > 0)
            problems.Insert(0, "the certification allows no changes (DocMDP /P 1), yet a later revision changes the file");
        return problems;
    }

    private static string Undefined(SignedRevisionRoles roles, int number, int referrer)
    {
        var what = roles.Describe(number);
        var named = what == $"object {number}" ? what : $"{what} (object {number})";
        var by = referrer < 0 ? "the trailer" : roles.Describe(referrer);
        return $"{named}, which {by} referred to but the signed revision did not define, was defined after signing";
    }

    private RevisionView ViewAt(long end)
    {
        if (end == _revisions.Length && _current is not null) return _current;
        if (!_views.TryGetValue(end, out var view)) _views[end] = view = _revisions.ViewAt(end);
        return view;
    }
}
