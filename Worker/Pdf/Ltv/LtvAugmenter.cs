using Worker.Pdf.Timestamps;

namespace Worker.Pdf.Ltv;

/// <summary>
/// Takes a signed file to B-LT (a DSS for every signature in it) and, with a TSA, to B-LTA (then a document
/// timestamp). Each step is one more incremental update; the output is written only when a step succeeded.
/// </summary>
public static class LtvAugmenter
{
    /// <summary>Writes the augmented file to <paramref name="output"/> (which must not exist); returns the level reached.</summary>
    public static async Task<LtvResult> AugmentAsync(string input, string output, LtvLevel wanted, LtvCollector collector,
        ITimeStamper? timeStamper, CancellationToken ct)
    {
        if (wanted == LtvLevel.None)
        {
            File.Copy(input, output);
            return new LtvResult { Reached = LtvLevel.None };
        }
        var (content, problems) = await collector.CollectAsync(input, ct);
        var withDss = output + ".dss";
        try
        {
            DssWriter.Append(input, withDss, content);
            // Without revocation data for every certificate the file is not B-LT, but the DSS still helps later validation.
            var reached = problems.Count == 0 ? LtvLevel.LT : LtvLevel.None;
            if (wanted == LtvLevel.LTA && timeStamper is not null)
            {
                await DocumentTimestamper.AddAsync(withDss, output, timeStamper, ct);
                return new LtvResult { Reached = reached == LtvLevel.LT ? LtvLevel.LTA : LtvLevel.None, Problems = problems };
            }
            if (wanted == LtvLevel.LTA) problems = [.. problems, "no time-stamp authority is configured, so no document timestamp"];
            File.Move(withDss, output);
            return new LtvResult { Reached = reached, Problems = problems };
        }
        finally
        {
            File.Delete(withDss);
        }
    }
}
