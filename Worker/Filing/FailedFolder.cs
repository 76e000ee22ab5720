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
        name = FileNames.Plain(name);
        for (var n = 1; ; n++)
        {
            // The name leaves room for the longest suffix written beside it, so NAME.error.txt always fits.
            var target = FileNames.Inside(folder, FileNames.Numbered(name, n, ErrorSuffix));
            var errorFile = target + ErrorSuffix;
            if (RegularFile.Taken(target) || RegularFile.Taken(errorFile)) continue;
            // Creating the error file first (O_EXCL, never through a planted link) reserves the name, so two workers never pick the same one.
            FileStream reservation;
            try
            {
                reservation = FileModes.CreateNew(errorFile, FileModes.RouteFile);
            }
            catch (IOException) when (RegularFile.Taken(errorFile))
            {
                continue;
            }
            using (reservation)
            {
                if (!Move(source, target))
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
            using var stream = FileModes.CreateNew(path, FileModes.RouteFile);
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        }
        catch (IOException) when (RegularFile.Taken(path))
        {
            // Never overwrite, never write through a link: what is there stays.
        }
    }

    /// <summary>Moves the entry <paramref name="source"/> itself (a link stays a link, never read) beside <paramref name="filed"/>; left where it is when that is not possible.</summary>
    public static void MoveBeside(string filed, string suffix, string source)
    {
        try
        {
            UnixFile.RenameNoReplace(source, filed + suffix);
        }
        catch (FileNotFoundException)
        {
            // Gone already: nothing to move.
        }
    }

    /// <summary>Renamed as it is (a link stays a link, a pipe stays a pipe); copied only when it is a regular file on another file system. False when the target is taken.</summary>
    internal static bool Move(string source, string target)
    {
        switch (UnixFile.RenameNoReplace(source, target))
        {
            case RenameOutcome.Done: return true;
            case RenameOutcome.TargetTaken: return false;
        }
        using (var input = RegularFile.OpenRead(source, long.MaxValue))
        {
            FileStream output;
            try
            {
                output = FileModes.CreateNew(target, FileModes.RouteFile);
            }
            catch (IOException) when (RegularFile.Taken(target))
            {
                return false;
            }
            using (output)
            {
                input.CopyTo(output);
                output.Flush(flushToDisk: true);
            }
        }
        File.Delete(source);
        return true;
    }
}
