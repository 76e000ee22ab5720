using QRCoder;

namespace Worker.Pdf.Stamp;

/// <summary>A QR code as horizontal runs of dark modules, counted from the bottom-left.</summary>
/// <param name="Size">Modules per side, quiet zone included.</param>
/// <param name="Runs">Dark runs as (column, row from the bottom, length).</param>
internal sealed record QrModules(int Size, IReadOnlyList<(int Column, int Row, int Length)> Runs)
{
    private const int QuietZone = 4;

    /// <summary>Encodes <paramref name="text"/> with error correction M and a four-module quiet zone.</summary>
    public static QrModules Encode(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        // The matrix may or may not carry QRCoder's own padding; re-centre it in a four-module quiet zone.
        var padding = (matrix.Count - (17 + 4 * data.Version)) / 2;
        var core = matrix.Count - 2 * padding;
        var size = core + 2 * QuietZone;
        var runs = new List<(int, int, int)>();
        for (var row = 0; row < core; row++)
        {
            var line = matrix[row + padding];
            var column = 0;
            while (column < core)
            {
                if (!line[column + padding])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < core && line[column + padding])
                {
                    column++;
                }
                runs.Add((start + QuietZone, size - 1 - QuietZone - row, column - start));
            }
        }
        return new QrModules(size, runs);
    }
}
