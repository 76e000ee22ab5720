namespace Worker.Pdf.Syntax;

/// <summary>Reverses the PNG (10-15) and TIFF (2) predictors of FlateDecode /DecodeParms.</summary>
internal static class Predictors
{
    public static byte[] Undo(byte[] data, PdfDictionary? parameters)
    {
        var predictor = parameters?.Integer("Predictor") ?? 1;
        if (predictor <= 1) return data;
        var colors = (int)Math.Clamp(parameters!.Integer("Colors") ?? 1, 1, 32);
        var bits = (int)Math.Clamp(parameters.Integer("BitsPerComponent") ?? 8, 1, 16);
        var columns = (int)Math.Clamp(parameters.Integer("Columns") ?? 1, 1, 1 << 20);
        var bytesPerPixel = Math.Max(1, colors * bits / 8);
        var rowLength = (colors * bits * columns + 7) / 8;
        if (predictor == 2) return UndoTiff(data, rowLength, bytesPerPixel);
        return UndoPng(data, rowLength, bytesPerPixel);
    }

    private static byte[] UndoPng(byte[] data, int rowLength, int bpp)
    {
        var rows = data.Length / (rowLength + 1);
        var output = new byte[rows * rowLength];
        var previous = new byte[rowLength];
        for (var r = 0; r < rows; r++)
        {
            var type = data[r * (rowLength + 1)];
            var row = output.AsSpan(r * rowLength, rowLength);
            data.AsSpan(r * (rowLength + 1) + 1, rowLength).CopyTo(row);
            for (var i = 0; i < rowLength; i++)
            {
                var left = i >= bpp ? row[i - bpp] : 0;
                var up = previous[i];
                var upLeft = i >= bpp ? previous[i - bpp] : 0;
                row[i] = type switch
                {
                    0 => row[i],
                    1 => (byte)(row[i] + left),
                    2 => (byte)(row[i] + up),
                    3 => (byte)(row[i] + (left + up) / 2),
                    4 => (byte)(row[i] + Paeth(left, up, upLeft)),
                    _ => throw new PdfSyntaxException("an unknown PNG predictor in a stream"),
                };
            }
            row.CopyTo(previous);
        }
        return output;
    }

    private static byte[] UndoTiff(byte[] data, int rowLength, int bpp)
    {
        var output = (byte[])data.Clone();
        for (var start = 0; start + rowLength <= output.Length; start += rowLength)
            for (var i = bpp; i < rowLength; i++)
                output[start + i] = (byte)(output[start + i] + output[start + i - bpp]);
        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
