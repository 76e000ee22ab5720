namespace Worker.Configuration;

/// <summary>
/// The rules every delegation keeps, wherever it was set: nobody deputises for themselves, an official has one deputy at a time,
/// and there are no chains (A to B while B is away to C): a chain is refused rather than followed, so who signs is never a guess.
/// </summary>
public static class DelegationConflicts
{
    /// <summary>What is wrong with <paramref name="candidate"/> beside <paramref name="others"/>, or null.</summary>
    public static string? Find(DelegationSpan candidate, IEnumerable<DelegationSpan> others)
    {
        if (Same(candidate.Approver, candidate.Deputy))
            return $"{candidate.Approver} cannot be their own deputy / pejabat tidak dapat mewakili dirinya sendiri";
        foreach (var other in others.Where(o => o.Start < candidate.End && candidate.Start < o.End))
        {
            if (Same(other.Approver, candidate.Approver))
                return $"windows overlap: {candidate.Approver} already delegates to {other.Deputy} from {Day(other.Start)} ({other.Label}) / jadwal bertumpuk";
            if (Same(other.Approver, candidate.Deputy))
                return $"chain refused: the deputy {candidate.Deputy} is away too, delegating to {other.Deputy} ({other.Label}); name a deputy who is present / rantai delegasi ditolak";
            if (Same(other.Deputy, candidate.Approver))
                return $"chain refused: {candidate.Approver} is the deputy of {other.Approver} then ({other.Label}) / rantai delegasi ditolak";
        }
        return null;
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'");
}
