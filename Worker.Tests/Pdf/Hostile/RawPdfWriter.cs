using System.IO.Compression;
using System.Text;

namespace Worker.Tests.Pdf.Hostile;

/// <summary>Writes PDFs object by object with exact offsets, so a test can build shapes no sane writer produces.</summary>
public static class RawPdfWriter
{
    /// <summary>Objects 1..N (bodies between "N 0 obj" and "endobj"), a classic xref table and the trailer entries given.</summary>
    public static byte[] Classic(IReadOnlyList<byte[]> bodies, string trailer = "/Root 1 0 R", bool withSize = true)
    {
        using var file = new MemoryStream();
        Write(file, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        var offsets = WriteObjects(file, bodies, first: 1);
        var xref = file.Position;
        var table = new StringBuilder($"xref\n0 {bodies.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append($"{offset:D10} 00000 n \n");
        Write(file, table.ToString());
        Write(file, $"trailer\n<<{(withSize ? $"/Size {bodies.Count + 1}" : "")}{trailer}>>\nstartxref\n{xref}\n%%EOF\n");
        return file.ToArray();
    }

    /// <summary>
    /// Objects 1..N packed in one Flate object stream (object N+1), found through an xref stream (object N+2)
    /// whose dictionary gets <paramref name="xrefExtra"/> and whose /W, /Size and /Index may be replaced.
    /// </summary>
    public static byte[] Compressed(IReadOnlyList<string> objects, string xrefExtra = "/Root 1 0 R", string? w = null, string? sizeAndIndex = null)
    {
        using var file = new MemoryStream();
        Write(file, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        var header = new StringBuilder();
        var data = new StringBuilder();
        for (var i = 0; i < objects.Count; i++)
        {
            header.Append($"{i + 1} {data.Length} ");
            data.Append(objects[i]).Append('\n');
        }
        var packed = Deflate(Encoding.Latin1.GetBytes(header.ToString() + data));
        var streamNumber = objects.Count + 1;
        var objectStream = file.Position;
        Write(file, $"{streamNumber} 0 obj\n");
        WriteStream(file, $"/Type/ObjStm/N {objects.Count}/First {header.Length}/Filter/FlateDecode", packed);
        Write(file, "\nendobj\n");
        var xrefNumber = objects.Count + 2;
        var xref = file.Position;
        var entries = new MemoryStream();
        entries.Write([0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
        for (var i = 0; i < objects.Count; i++) entries.Write(Entry(2, streamNumber, i));
        entries.Write(Entry(1, objectStream, 0));
        entries.Write(Entry(1, xref, 0));
        Write(file, $"{xrefNumber} 0 obj\n");
        WriteStream(file, $"/Type/XRef{sizeAndIndex ?? $"/Size {xrefNumber + 1}"}/W {w ?? "[1 4 4]"}/Filter/FlateDecode{xrefExtra}", Deflate(entries.ToArray()));
        Write(file, $"\nendobj\nstartxref\n{xref}\n%%EOF\n");
        return file.ToArray();
    }

    /// <summary>A stream object's body: its dictionary with the given /Length (or the data's) and the data.</summary>
    public static byte[] Stream(string dictionary, byte[] data, string? length = null)
    {
        using var body = new MemoryStream();
        WriteStream(body, dictionary, data, length);
        return body.ToArray();
    }

    /// <summary>Body text as bytes.</summary>
    public static byte[] Text(string body) => Encoding.Latin1.GetBytes(body);

    /// <summary>zlib data of <paramref name="prefix"/> then <paramref name="count"/> copies of one byte, made without holding them in memory.</summary>
    public static byte[] DeflateRepeated(byte value, long count, string prefix = "")
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(Encoding.Latin1.GetBytes(prefix));
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, value);
            for (var left = count; left > 0; left -= chunk.Length) zlib.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
        return output.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return output.ToArray();
    }

    private static List<long> WriteObjects(MemoryStream file, IReadOnlyList<byte[]> bodies, int first)
    {
        var offsets = new List<long>();
        for (var i = 0; i < bodies.Count; i++)
        {
            offsets.Add(file.Position);
            Write(file, $"{first + i} 0 obj\n");
            file.Write(bodies[i]);
            Write(file, "\nendobj\n");
        }
        return offsets;
    }

    private static void WriteStream(Stream file, string dictionary, byte[] data, string? length = null)
    {
        Write(file, $"<<{dictionary}/Length {length ?? data.Length.ToString()}>>\nstream\n");
        file.Write(data);
        Write(file, "\nendstream");
    }

    private static byte[] Entry(byte type, long second, int third) =>
        [type, (byte)(second >> 24), (byte)(second >> 16), (byte)(second >> 8), (byte)second, (byte)(third >> 24), (byte)(third >> 16), (byte)(third >> 8), (byte)third];

    private static void Write(Stream file, string text) => file.Write(Encoding.Latin1.GetBytes(text));
}
