using System.Security.Cryptography.X509Certificates;

namespace Worker.Pdf.Keys;

/// <summary>Orders certificates from the signer up to the root by issuer name, without consulting any store.</summary>
internal static class ChainOrder
{
    public static IReadOnlyList<X509Certificate2> From(X509Certificate2 signer, IEnumerable<X509Certificate2> pool)
    {
        var chain = new List<X509Certificate2> { signer };
        var remaining = pool.Where(c => !c.Equals(signer)).ToList();
        var current = signer;
        while (current.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData) is false)
        {
            var issuer = remaining.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData));
            if (issuer is null) break;
            chain.Add(issuer);
            remaining.Remove(issuer);
            current = issuer;
        }
        return chain;
    }
}
