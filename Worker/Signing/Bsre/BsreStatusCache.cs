using System.Collections.Concurrent;
using Worker.Configuration;

namespace Worker.Signing.Bsre;

/// <summary>
/// The certificate status of each BSrE signer, as the approval page needs it before the official types anything: asked
/// at most once a minute per signer, so opening pages does not load the service; a service that does not answer gives no
/// status (the signing call then says it cannot be reached).
/// </summary>
public sealed class BsreStatusCache(BsreSigner bsre, TimeProvider clock)
{
    /// <summary>How long an answer is reused.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, BsreUserStatus Status)> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), bool> told = new();

    /// <summary>The signer's status, or null when it is not a BSrE signer or the service cannot tell now.</summary>
    public async Task<BsreUserStatus?> StatusAsync(string signer, SignerOptions profile, CancellationToken ct)
    {
        if (profile.Kind != SignerKinds.Bsre) return null;
        var now = clock.GetUtcNow();
        if (answers.TryGetValue(signer, out var cached) && now - cached.At < Keep) return cached.Status;
        try
        {
            var status = await bsre.Client(profile).CheckStatusAsync(BsreIdentity.Of(profile), ct);
            answers[signer] = (now, status);
            // A renewed certificate: a later lapse is news again.
            if (status.CanSign) foreach (var key in told.Keys.Where(k => k.Item1 == signer)) told.TryRemove(key, out _);
            return status;
        }
        catch (Exception e) when (e is BsreException or IOException)
        {
            return null;
        }
    }

    /// <summary>True the first time this worker meets <paramref name="status"/> for <paramref name="signer"/>: operators are told once, not at every page view.</summary>
    public bool FirstTime(string signer, string status) => told.TryAdd((signer, status), true);
}
