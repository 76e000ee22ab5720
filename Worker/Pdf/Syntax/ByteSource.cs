namespace Worker.Pdf.Syntax;

/// <summary>
/// Random access to the first <see cref="Length"/> bytes of a seekable stream (a whole file, one revision of it,
/// or decoded object-stream data), through one buffer so byte-by-byte lexing stays cheap.
/// </summary>
public sealed class ByteSource
{
    private const int BufferSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private long _bufferStart = -1;
    private int _bufferCount;

    public ByteSource(Stream stream, long length)
    {
        _stream = stream;
        Length = Math.Min(length, stream.Length);
    }

    /// <summary>A source over bytes in memory.</summary>
    public static ByteSource Of(byte[] bytes) => new(new MemoryStream(bytes, writable: false), bytes.Length);

    /// <summary>How many bytes may be read.</summary>
    public long Length { get; }

    /// <summary>The byte at <paramref name="position"/>, or -1 outside the source.</summary>
    public int this[long position]
    {
        get
        {
            if (position < 0 || position >= Length) return -1;
            if (position < _bufferStart || position >= _bufferStart + _bufferCount) Fill(position);
            return _buffer[position - _bufferStart];
        }
    }

    /// <summary>Up to <paramref name="count"/> bytes from <paramref name="position"/> (fewer at the end).</summary>
    public byte[] Read(long position, int count)
    {
        if (position < 0 || position > Length) throw new PdfSyntaxException("a read outside the file");
        var result = new byte[(int)Math.Min(count, Length - position)];
        _stream.Position = position;
        _stream.ReadExactly(result);
        return result;
    }

    private void Fill(long position)
    {
        _bufferStart = position;
        _stream.Position = position;
        _bufferCount = _stream.Read(_buffer, 0, (int)Math.Min(BufferSize, Length - position));
        if (_bufferCount <= 0) throw new PdfSyntaxException("the file ended early");
    }
}
