namespace Worker.Signing;

/// <summary>Reads a remote signing service's answer up to a limit, so a hostile or broken service cannot exhaust memory.</summary>
public static class BoundedAnswer
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        for (int read; (read = await stream.ReadAsync(buffer, ct)) > 0;)
        {
            if (copy.Length + read > maxBytes) return null;
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }
}
