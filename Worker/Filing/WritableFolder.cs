namespace Worker.Filing;

/// <summary>Tells whether a folder exists and a file can be created in it.</summary>
public static class WritableFolder
{
    /// <summary>Null when fine, else what is wrong.</summary>
    public static string? Problem(string folder)
    {
        if (!Directory.Exists(folder)) return $"folder {Path.GetFullPath(folder)} does not exist";
        var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"folder {Path.GetFullPath(folder)} is not writable: {e.Message}";
        }
    }
}
