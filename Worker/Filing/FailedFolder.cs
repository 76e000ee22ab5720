namespace Worker.Filing;

/// <summary>
/// Puts a refused file into a route's failed folder beside NAME.error.txt that says why. An existing file is
/// never overwritten: the name gets -2, -3, and so on.
/// </summary>
public static class FailedFolder
{
    public const string ErrorSuffix = ".error.txt";

    /// <summary>Moves <paramref name="source"/> to <paramref name="folder"/> as <paramref name="name"/> (or a numbered variant) and writes the reason; returns the new path.</summary>
    public static string Put(string source, string folder, string name, string reason)
    {
        for (var n = 1; ; n++)
        {
            // The name leaves room for the longest suffix written beside it, so NAME.error.txt always fits.
            var target = Path.Combine(folder, FileNames.Numbered(name, n, ErrorSuffix));
            var errorFile = target + ErrorSuffix;
            if (File.Exists(target) || Directory.Exists(target) || File.Exists(errorFile)) continue;
            // Creating the error file first reserves the name, so two workers never pick the same one.
            FileStream reservation;
            try
            {
                reservation = new FileStream(errorFile, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            }
            catch (IOException) when (File.Exists(errorFile))
            {
                continue;
            }
            using (reservation)
            {
                try
                {
                    File.Move(source, target, overwrite: false);
                }
                catch (IOException) when (File.Exists(target))
                {
                    reservation.Dispose();
                    File.Delete(errorFile);
                    continue;
                }
                using var writer = new StreamWriter(reservation);
                writer.Write(reason);
            }
            return target;
        }
    }

    /// <summary>Writes <paramref name="text"/> to a new file named <paramref name="filed"/> plus <paramref name="suffix"/>, unless one is there already.</summary>
    public static void WriteBeside(string filed, string suffix, string text)
    {
        var path = filed + suffix;
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Never overwrite: what is there stays.
        }
    }
}
